// Preloaded into a measured child process (`node --import <this file> dist/cli.js ...`): at exit, writes the
// process's peak resident set size to $BENCH_PEAK_RSS_FILE. It loads nothing else, so it costs the child nothing.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
    } catch {
      // Measuring must never change the measured program's outcome.
    }
  });
}
