// The scenarios of the golden matrix that are a database state, from real runs: what the console and the job
// summary say after a build against PostgreSQL, kept as reviewed files under golden/<scenario>/ (durations, the
// server's address and pids written as placeholders). UPDATE_GOLDEN=1 rewrites them for review.
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from '../../src/builder/build.ts';
import { plan } from '../../src/builder/plan.ts';
import type { Report } from '../../src/builder/result.ts';
import { describeTarget } from '../../src/db/url.ts';
import { consoleEvents } from '../../src/render/console.ts';
import { renderSummary } from '../../src/render/summary.ts';
import { useTestDatabase } from '../support/db.ts';
import { entries, index } from '../support/registry.ts';

const here = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const db = useTestDatabase({
  setup: `CREATE TABLE users (id bigserial PRIMARY KEY, email text, status text);
          INSERT INTO users (email, status) VALUES ('ada@example.com', 'new'), ('ada@example.com', 'new'), ('bob@example.com', 'old');`,
});

const email = index('idx_users_status', 'users (status)', { critical: true });
const emailV2 = index('idx_users_status', 'users (status, id)', { critical: true });
const created = index('idx_users_id_status', 'users (id, status)');
const duplicate = { name: 'idx_users_email', sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_users_email ON users (email)' };
const missing = index('idx_users_archived', 'users (archived_at)');

/** A build with the Action's console, as the log shows it. */
async function run(defs: Parameters<typeof entries>, options: Partial<BuildOptions> = {}): Promise<{ report: Report; console: string }> {
  const lines: string[] = [];
  const report = await build(entries(...defs), {
    url: db.url,
    events: consoleEvents((line) => lines.push(line), undefined, { surface: 'action' }),
    ...options,
  });
  return { report, console: `${lines.join('\n')}\n` };
}

function normalise(text: string): string {
  return text
    .replaceAll(describeTarget(db.url), 'db.test:5432/app')
    .replace(/\b\d+(\.\d+)?(ms|s)\b|\b\d+m\d+s\b/g, '⟨time⟩')
    .replace(/pid \d+/g, 'pid ⟨pid⟩');
}

function expectGolden(scenario: string, file: string, text: string): void {
  const path = join(here, scenario, file);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, normalise(text));
  }
  expect(`${scenario}/${file}:\n${normalise(text)}`).toBe(`${scenario}/${file}:\n${readFileSync(path, 'utf8')}`);
}

function summaryOf(report: Report, dryRun = false, reasons?: Record<string, string>): string {
  return renderSummary({ report, database: describeTarget(db.url), dryRun, ...(reasons ? { reasons } : {}) });
}

describe('scenarios from real runs', () => {
  it('clean, then second run', async () => {
    const first = await run([email, created]);
    expectGolden('clean', 'console.txt', first.console);
    expectGolden('clean', 'summary.md', summaryOf(first.report));
    const second = await run([email, created]);
    expectGolden('second-run', 'console.txt', second.console);
    expectGolden('second-run', 'summary.md', summaryOf(second.report));
  });

  it('dry run: "would create" everywhere', async () => {
    const planned = await plan(entries(email, created, index('idx_users_email_plain', 'users (email)')), db.url);
    const reasons = planned.reasons;
    expectGolden('dry-run', 'summary.md', summaryOf(planned.report, true, reasons));
    expect(summaryOf(planned.report, true, reasons)).not.toMatch(/✅ created|\d created/);
  });

  it('drift, then drift with on-drift rebuild', async () => {
    const drifted = await run([emailV2, created]);
    expectGolden('drift', 'console.txt', drifted.console);
    expectGolden('drift', 'summary.md', summaryOf(drifted.report));
    const rebuilt = await run([emailV2, created], { onDrift: 'rebuild' });
    expectGolden('drift-rebuild', 'console.txt', rebuilt.console);
    expectGolden('drift-rebuild', 'summary.md', summaryOf(rebuilt.report));
  });

  it('duplicate key and missing column: each with what a human must fix', async () => {
    const failed = await run([emailV2, duplicate, missing]);
    expectGolden('duplicate-key', 'console.txt', failed.console);
    expectGolden('duplicate-key', 'summary.md', summaryOf(failed.report));
  });
});
