import { describe, expect, it } from '@jest/globals';
import { secretsToMask } from '../../../src/action/secrets.ts';
import { redact, Secrets, secretsFromEnv, secretsOf } from '../../../src/db/secrets.ts';

const URL = 'postgres://app:p%40ss%2Fword@db:5432/app?password=other';

describe('secretsToMask', () => {
  it('lists the URL, then each form of each password it carries', () => {
    expect(secretsToMask(URL)).toEqual([URL, 'p%40ss%2Fword', 'p@ss/word', 'other']);
    expect(secretsToMask('')).toEqual([]);
  });
});

describe('secretsOf', () => {
  it('holds the raw, decoded and re-encoded forms of a password', () => {
    // A URL may encode what encodeURIComponent leaves alone ('!' here), and the other way round.
    expect(secretsOf('postgres://app:a%21b%3Bc@db/app')).toEqual(['a%21b%3Bc', 'a!b;c', 'a!b%3Bc']);
    expect(secretsOf('postgres://app@db/app')).toEqual([]);
    expect(secretsOf('not a url')).toEqual([]);
  });
});

describe('redact', () => {
  it('replaces the whole URL before the password inside it, whatever the order given', () => {
    expect(redact(`connect ${URL} failed; p@ss/word`, ['p%40ss%2Fword', URL, 'p@ss/word'])).toBe('connect *** failed; ***');
  });
});

describe('Secrets', () => {
  it('collects URLs as they become known and hides them from text and from every string of a report', () => {
    const secrets = new Secrets();
    expect(secrets.redact('p@ss/word')).toBe('p@ss/word');
    expect(secrets.addUrl(URL)).toEqual(['p%40ss%2Fword', 'p@ss/word', 'other']);
    expect(secrets.addUrl(URL)).toEqual([]);
    expect(secrets.redact(`bad ${URL}`)).toBe('bad postgres://app:***@db:5432/app?password=***');
    const report = { indexes: [{ name: 'idx', attempts: 2, error: { message: 'failed for p@ss/word at db', blockers: [] } }], notice: 'other' };
    expect(secrets.redactDeep(report)).toEqual({
      indexes: [{ name: 'idx', attempts: 2, error: { message: 'failed for *** at db', blockers: [] } }],
      notice: '***',
    });
  });

  it('takes a password as it is, whatever regular-expression characters it holds', () => {
    const secrets = new Secrets();
    secrets.add('p.w*(1)|[x]$\\');
    expect(secrets.redact('a p.w*(1)|[x]$\\ b pxw1 c')).toBe('a *** b pxw1 c');
  });

  it('starts with $DATABASE_URL and $PGPASSWORD', () => {
    const secrets = secretsFromEnv({ DATABASE_URL: 'postgres://u:s3cret@h/d', PGPASSWORD: 'libpq-pw' });
    expect(secrets.redact('s3cret libpq-pw')).toBe('*** ***');
  });
});
