// The targets file: what it accepts, and one line naming the file, line and target for what it does not.
import { describe, expect, it } from '@jest/globals';
import { parseTargets, targetsFromUrls, TargetsError } from '../../../src/fleet/targets.ts';

const parse = (text: string, env: NodeJS.ProcessEnv = {}) => parseTargets(text, 'fleet/targets.yml', env);

function errorOf(text: string): string {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(TargetsError);
    return (error as Error).message;
  }
  throw new Error('expected a TargetsError');
}

describe('parseTargets', () => {
  it('reads YAML with url, urlEnv and group, and keys each target by host:port', () => {
    const targets = parse(
      `targets:
  - name: eu-1
    url: postgres://app:pw@db-eu:6432/app
    group: canary
  - name: us-1
    urlEnv: US_1_URL
`,
      { US_1_URL: 'postgres://app:pw@db-us/app' },
    );
    expect(targets).toEqual([
      { name: 'eu-1', group: 'canary', url: 'postgres://app:pw@db-eu:6432/app', host: 'db-eu:6432' },
      { name: 'us-1', url: 'postgres://app:pw@db-us/app', host: 'db-us:5432' },
    ]);
  });

  it('reads JSON too', () => {
    expect(parse('{ "targets": [ { "name": "a", "url": "postgres://h/a" } ] }').map((t) => t.name)).toEqual(['a']);
  });

  it("makes an unset urlEnv that target's problem, not an error of the file", () => {
    expect(parse('targets:\n  - name: a\n    urlEnv: MISSING_URL\n')).toEqual([
      { name: 'a', host: 'unknown', problem: 'environment variable MISSING_URL (its urlEnv) is not set or empty' },
    ]);
  });

  it('names the file, the line and the target of each mistake, in one line', () => {
    expect(errorOf('targets:\n  - name: a\n    url: postgres://h/a\n    password: x\n')).toBe(
      'fleet/targets.yml:2: target "a": unknown key "password" (expected name, url, urlEnv, group)',
    );
    expect(errorOf('targets:\n  - name: a\n    url: postgres://h/a\n  - name: a\n    url: postgres://h/b\n')).toBe(
      'fleet/targets.yml:4: target "a": duplicate name (first at line 2); each target needs its own name',
    );
    expect(errorOf('targets:\n  - name: a\n    url: postgres://h/a\n    urlEnv: A_URL\n')).toMatch(
      /^fleet\/targets\.yml:2: target "a": give exactly one of `url` or `urlEnv`/,
    );
    expect(errorOf('targets:\n  - name: a\n    url: mysql://h/a\n')).toBe(
      'fleet/targets.yml:2: target "a": the database URL must start with postgres:// or postgresql://, not mysql://',
    );
    expect(errorOf('targets:\n  - url: postgres://h/a\n')).toMatch(/^fleet\/targets\.yml:2: target 1: `name` must be/);
    expect(errorOf('databases: []\n')).toBe('fleet/targets.yml:1: unknown key "databases" (the file holds only `targets:`)');
    expect(errorOf('targets: []\n')).toMatch(/^fleet\/targets\.yml:1: `targets:` must be a non-empty list/);
    expect(errorOf('targets:\n  - name: [\n')).toMatch(/^fleet\/targets\.yml:\d+: not valid YAML or JSON: /);
    for (const message of [errorOf('targets:\n  - name: a\n    url: postgres://u:s3cret@h/a\n    x: 1\n')]) expect(message).not.toContain('s3cret');
  });
});

describe('targetsFromUrls', () => {
  it('names each repeated --database-url host:port/database, and refuses one given twice', () => {
    expect(targetsFromUrls(['postgres://u:pw@a/x', 'postgres://u:pw@b:6543/y']).map((t) => [t.name, t.host])).toEqual([
      ['a:5432/x', 'a:5432'],
      ['b:6543/y', 'b:6543'],
    ]);
    expect(() => targetsFromUrls(['postgres://a/x', 'postgres://a/x'])).toThrow('--database-url: a:5432/x is given twice');
  });
});
