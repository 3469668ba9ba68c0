// The Action's fleet inputs, read and checked before anything touches the database.
import { describe, expect, it } from '@jest/globals';
import { InputError, readInputs, type InputName } from '../../../src/action/inputs.ts';

const read = (inputs: Partial<Record<InputName, string>>) => readInputs((name) => inputs[name] ?? '');

function errorOf(inputs: Partial<Record<InputName, string>>): string {
  try {
    read(inputs);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('fleet inputs', () => {
  it('are read only with targets, with the defaults action.yml declares', () => {
    expect(read({ targets: 'db/targets.yml' }).fleet).toEqual({ targets: 'db/targets.yml', concurrency: 4, perHost: 2 });
    expect(read({ targets: 'db/targets.yml', concurrency: '8', 'per-host': '1', canary: '2', shard: '3/4' }).fleet).toEqual({
      targets: 'db/targets.yml',
      concurrency: 8,
      perHost: 1,
      canary: 2,
      shard: { index: 3, count: 4 },
    });
    expect(read({ 'database-url': 'postgres://h/db', concurrency: '8' }).fleet).toBeUndefined();
  });

  it('name what is wrong', () => {
    expect(errorOf({ targets: 't.yml', 'database-url': 'postgres://h/db' })).toBe(
      'Give either "database-url" (one database) or "targets" (a fleet), not both',
    );
    expect(errorOf({ targets: 't.yml', concurrency: '0' })).toBe('Invalid input "concurrency": "0" is not a whole number of 1 or more');
    expect(errorOf({ targets: 't.yml', shard: '5/4' })).toBe('Invalid input "shard": "5/4" is not a shard: write i/K with 1 ≤ i ≤ K, e.g. 2/4');
    expect(errorOf({ 'database-url': 'postgres://h/db', shard: '1/2' })).toBe(
      'Invalid input "shard": it needs "targets" (the shards are computed from its names)',
    );
    expect(errorOf({ targets: 't.yml', 'dry-run': 'true' })).toMatch(/^Invalid input "dry-run": a dry run over "targets" is not supported yet/);
    expect(errorOf({})).toMatch(/or give targets: FILE for a fleet/);
  });
});
