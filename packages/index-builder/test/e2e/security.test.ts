// Registry SQL is checked before anything runs; TLS is honoured as libpq users expect; no form of the password
// ever reaches an output.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedServer, type EmbeddedServer } from '../../../../tools/embedded-server.mjs';
import { problemText } from '@index-builder/sql-core/registry';
import { validateEntry } from '@index-builder/sql-core/registry';
import { runCli } from '../support/cli.ts';

const at = { file: 'db/indexes.ts', line: 3 };
const problem = (sql: string) => {
  const result = validateEntry({ name: 'idx_x', sql }, 0, at);
  return Array.isArray(result) ? result.map(problemText).join('\n') : 'valid';
};

describe('registry SQL is checked by the parser before anything connects', () => {
  it.each([
    ['WHERE pg_sleep(10) IS NOT NULL', 'calls pg_sleep(), which is not immutable'],
    ["WHERE dblink_exec('host=evil', 'DROP TABLE users') IS NOT NULL", 'calls dblink_exec(), which is not immutable'],
    ['WHERE created_at > now()', 'calls now(), which is not immutable'],
    ['WHERE created_at > CURRENT_TIMESTAMP', 'uses CURRENT_TIMESTAMP, which is not immutable'],
    ['WHERE id IN (SELECT id FROM admins)', 'holds a subquery'],
  ])('rejects a predicate that %s', (predicate, message) => {
    expect(problem(`CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_x ON t (a) ${predicate}`)).toBe(
      `idx_x: sql ${message}; index expressions and predicates may only use immutable functions and values: write a fixed literal instead`,
    );
  });

  it('rejects side effects in an index expression, and a smuggled second statement', () => {
    expect(problem("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_x ON t ((set_config('role', 'admin', false)))")).toContain('calls set_config()');
    expect(problem('CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_x ON t (a); SELECT pg_sleep(10)')).toContain('sql holds 2 statements');
    expect(problem("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_x ON t (a) WHERE a = '1; DROP TABLE t'")).toBe('valid');
  });

  it('accepts immutable expressions', () => {
    expect(problem("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_x ON t (lower(email), (data->>'kind')) WHERE deleted_at IS NULL")).toBe('valid');
  });
});

describe('no form of the password appears in any output', () => {
  it('hides userinfo and password= parameter passwords in the log, errors and JSON report of a failing run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ib-secret-'));
    const registry = join(dir, 'indexes.json');
    writeFileSync(registry, JSON.stringify([{ name: 'idx_a', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON a (x)', critical: true }]));
    const secrets = ['S3cr3t:p@ss/word', 'S3cr3t%3Ap%40ss%2Fword'];
    const urls = [
      `postgres://app:${encodeURIComponent(secrets[0]!)}@127.0.0.1:1/app`,
      `postgres://app@127.0.0.1:1/app?password=${encodeURIComponent(secrets[0]!)}`,
      `postgres://app:${encodeURIComponent(secrets[0]!)}@no-such-host.invalid/app?sslmode=verify-ca`,
    ];
    for (const [i, url] of urls.entries()) {
      const json = join(dir, `report-${i}.json`);
      for (const command of ['build', 'plan']) {
        const result = await runCli(
          [command, '-r', registry, '--database-url', url, '--json', json, '--fail-on', 'critical'].slice(0, command === 'plan' ? 5 : 9),
        );
        const outputs = [result.stdout, result.stderr, command === 'build' ? readFileSync(json, 'utf8') : ''];
        for (const output of outputs) for (const secret of secrets) expect(output).not.toContain(secret);
        expect(result.stdout + result.stderr).toMatch(/could not connect|verify-ca needs a CA/);
      }
    }
  });
});

describe('TLS', () => {
  let server: EmbeddedServer;
  let ca: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ib-tls-'));
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=index-builder test CA',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
    );
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', 'server.key', '-out', 'server.csr');
    writeFileSync(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
    openssl(
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      'san.ext',
      '-out',
      'server.crt',
    );
    ca = join(dir, 'ca.crt');
    // PostgreSQL insists that its key belongs to the user it runs as and is private to it.
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'server.key'), 0o600);
    if (userInfo().uid === 0) {
      const postgresUid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      chownSync(join(dir, 'server.key'), postgresUid, -1);
    }
    server = await startEmbeddedServer({
      postgresFlags: ['-c', 'ssl=on', '-c', `ssl_cert_file=${join(dir, 'server.crt')}`, '-c', `ssl_key_file=${join(dir, 'server.key')}`],
    });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  const registry = () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ib-tls-reg-')), 'indexes.json');
    writeFileSync(path, JSON.stringify([{ name: 'idx_a', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON a (x)' }]));
    return path;
  };
  const withMode = (mode?: string) => (mode ? `${server.url}?sslmode=${mode}` : server.url);

  it.each([
    ['verify-full with --ssl-ca', 'verify-full', true, 0],
    ['--ssl-ca alone (verify-full by default)', undefined, true, 0],
    ['verify-ca with --ssl-ca', 'verify-ca', true, 0],
    ['require (encrypted, not verified, as libpq)', 'require', false, 0],
  ])('connects with %s', async (_what, mode, withCa, code) => {
    const result = await runCli(['plan', '-r', registry(), '--database-url', withMode(mode), ...(withCa ? ['--ssl-ca', ca] : [])]);
    expect(result.stdout).toContain('idx_a on a');
    expect(result.code).toBe(code);
  });

  it('refuses a server it cannot verify, in one line', async () => {
    const unverified = await runCli(['plan', '-r', registry(), '--database-url', withMode('verify-full')]);
    expect(unverified.code).toBe(1);
    expect(unverified.stdout.trim()).toBe(
      `⚠️  could not verify the TLS certificate of 127.0.0.1:${server.port}/postgres (unable to verify the first certificate): pass its CA with --ssl-ca FILE, or use sslmode=require to encrypt without verifying`,
    );
    const noCa = await runCli(['plan', '-r', registry(), '--database-url', withMode('verify-ca')]);
    expect(noCa.stdout).toContain('sslmode=verify-ca needs a CA certificate: pass --ssl-ca FILE');
  });
});
