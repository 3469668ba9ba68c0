// The Action bundle (dist/index.js) with a registry that would once have stopped it "unexpectedly", with no outputs
// and no summary: a YAML alias bomb, and a .ts registry that never finishes loading. Both are registry problems now:
// the step reports them like any invalid registry, and closes the connections it opened in advance.
import { describe, expect, it } from '@jest/globals';
import { useTestDatabase, waitFor } from '../../support/db.ts';
import { commands, createRunner, MAIN_JS, runStep } from './run-action.ts';

const db = useTestDatabase();

const clientSessions = async () =>
  Number(
    (
      await db.sql<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
      )
    ).rows[0]!.n,
  );

/** A "billion laughs" document: nine levels of nine aliases each. */
function aliasBomb(): string {
  const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level < 9; level += 1) {
    const [name, previous] = [String.fromCharCode(97 + level), String.fromCharCode(96 + level)];
    levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return `- name: idx_a\n  sql: CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON t (a)\n  lol:\n${levels.map((line) => `    ${line}`).join('\n')}\n`;
}

describe('the Action with a hostile registry', () => {
  it('reports a YAML alias bomb as an invalid registry, with outputs, annotation and summary', async () => {
    const runner = await createRunner(aliasBomb(), 'db/indexes.yaml');
    const result = await runStep(runner, MAIN_JS, { inputs: { 'database-url': db.url, registry: 'db/indexes.yaml' } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('stopped unexpectedly');
    expect(result.outputs).toMatchObject({ outcome: 'invalid-registry', created: '0', failed: '0' });
    const [error, ...others] = commands(result.stdout, 'error');
    expect(others).toEqual([]);
    expect(error!.properties).toEqual({ title: 'Invalid index registry: too-many-aliases', file: 'db/indexes.yaml', line: '5' });
    expect(result.summary).toMatch(/^## ❌ Index build: the registry is invalid, nothing was built\n\n- `db\/indexes\.yaml:5` `too-many-aliases`: /);
    await waitFor(async () => (await clientSessions()) === 0, 5000, 'no session of the step to be left');
  });

  it('stops a .ts registry that never finishes at the deadline, and reports it', async () => {
    const runner = await createRunner('await new Promise((resolve) => setTimeout(resolve, 600_000));\nexport default [];\n');
    const result = await runStep(runner, MAIN_JS, { inputs: { 'database-url': db.url }, env: { INDEX_BUILDER_REGISTRY_TIMEOUT: '1s' } });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ outcome: 'invalid-registry', created: '0', failed: '0' });
    expect(commands(result.stdout, 'error').map((command) => command.properties)).toEqual([
      { title: 'Invalid index registry: load-timeout', file: 'db/indexes.ts', line: '1' },
    ]);
    expect(result.summary).toContain('`db/indexes.ts:1` `load-timeout`: the registry did not finish loading within 1 s');
    await waitFor(async () => (await clientSessions()) === 0, 5000, 'no session of the step to be left');
  });
});
