// How much CPU other programs on the machine used while a measurement ran (Linux only). Benchmarks on a shared
// machine are only as clean as the machine was: this makes the noise visible in the results instead of hiding it.
// "Ours" is this process and all its descendants (the embedded PostgreSQL and its backends, the writer process,
// the builder); an exited child's time moves into its parent's cutime/cstime, so the sum stays continuous.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function busyTicks() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq] = fields;
  return user + nice + system + irq + softirq;
}

function processTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // rest[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
      table.set(Number(name), { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]) });
    } catch {
      // The process exited while we looked.
    }
  }
  return table;
}

function ourTicks(root) {
  const table = processTable();
  const children = new Map();
  for (const [pid, p] of table) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid).push(pid);
  }
  let sum = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    sum += table.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

/** Samples every `intervalMs`; stop() returns the cores other programs kept busy: mean and worst interval. */
export function startCpuSampler(intervalMs = 500) {
  if (process.platform !== 'linux') return { stop: () => null };
  const take = () => ({ at: performance.now(), busy: busyTicks(), ours: ourTicks(process.pid) });
  const samples = [take()];
  const timer = setInterval(() => samples.push(take()), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      samples.push(take());
      const first = samples[0];
      const last = samples.at(-1);
      const seconds = (last.at - first.at) / 1000;
      const other = (a, b) => Math.max(0, (b.busy - a.busy - (b.ours - a.ours)) / TICKS_PER_SECOND / ((b.at - a.at) / 1000));
      let worst = 0;
      for (let i = 1; i < samples.length; i += 1) worst = Math.max(worst, other(samples[i - 1], samples[i]));
      return {
        otherProgramsMeanCores: Math.round(other(first, last) * 100) / 100,
        otherProgramsWorstCores: Math.round(worst * 100) / 100,
        oursMeanCores: Math.round(((last.ours - first.ours) / TICKS_PER_SECOND / seconds) * 100) / 100,
      };
    },
  };
}
