import { describe, expect, it } from '@jest/globals';
import { maskSecrets, redactDeep, secretsToMask } from '../../../src/action/secrets.ts';

const URL = 'postgres://app:p%40ss%2Fword@db:5432/app?password=other';

describe('secretsToMask', () => {
  it('lists the URL, then each form of each password it carries', () => {
    expect(secretsToMask(URL)).toEqual([URL, 'p%40ss%2Fword', 'p@ss/word', 'other']);
    expect(secretsToMask('')).toEqual([]);
  });
});

describe('maskSecrets', () => {
  it('registers them with the runner on GitHub Actions only', () => {
    const masked: string[] = [];
    expect(maskSecrets(URL, (s) => masked.push(s), { GITHUB_ACTIONS: 'true' })).toEqual(secretsToMask(URL));
    expect(masked).toEqual(secretsToMask(URL));
    const local: string[] = [];
    expect(maskSecrets(URL, (s) => local.push(s), {})).toEqual(secretsToMask(URL));
    expect(local).toEqual([]);
  });
});

describe('redactDeep', () => {
  it('replaces every secret in every string of a report, keeping its shape', () => {
    const report = { indexes: [{ name: 'idx', attempts: 2, error: { message: 'failed for p@ss/word at db', blockers: [] } }], notice: `bad ${URL}` };
    expect(redactDeep(report, secretsToMask(URL))).toEqual({
      indexes: [{ name: 'idx', attempts: 2, error: { message: 'failed for *** at db', blockers: [] } }],
      notice: 'bad ***',
    });
  });
});
