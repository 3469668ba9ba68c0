import { describe, expect, it } from '@jest/globals';
import { INPUT_DEFAULTS, InputError, readInputs, type InputName } from '../../../src/action/inputs.ts';

const URL = 'postgres://app:s3cret@db.example.com:5432/app';

function read(inputs: Partial<Record<InputName, string>>) {
  return readInputs((name) => inputs[name] ?? '');
}

function errorOf(inputs: Partial<Record<InputName, string>>): InputError {
  try {
    read(inputs);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('readInputs', () => {
  it('applies the defaults action.yml declares when only database-url is given (as outside GitHub)', () => {
    expect(read({ 'database-url': URL })).toEqual({
      databaseUrl: URL,
      registry: 'db/indexes.ts',
      lockTimeoutMs: 300_000,
      maxAttempts: 10,
      statementTimeoutMs: 0,
      timeBudgetMs: undefined,
      progressIntervalMs: 10_000,
      failOn: 'never',
      dryRun: false,
      onDrift: 'report',
      prune: false,
      pruneInclude: [],
      pruneMax: 5,
      health: { parallel: 1 },
    });
  });

  it('reads the health gate, window, parallel and resource inputs, and names a bad one', () => {
    expect(
      read({
        'database-url': URL,
        'max-replica-lag': '30s',
        'max-retained-wal': '5GB',
        window: '22:00-04:00 Europe/Paris',
        parallel: '4',
        'maintenance-work-mem': '1GB',
        'max-parallel-maintenance-workers': '2',
      }).health,
    ).toEqual({
      maxReplicaLagMs: 30_000,
      maxRetainedWalBytes: 5 * 1024 ** 3,
      window: { startMinute: 22 * 60, endMinute: 4 * 60, zone: 'Europe/Paris', text: '22:00–04:00 Europe/Paris' },
      parallel: 4,
      maintenanceWorkMem: '1GB',
      maxParallelMaintenanceWorkers: 2,
    });
    expect(() => read({ 'database-url': URL, window: '1:00-5:00 Mars/Olympus' })).toThrow(
      'Invalid input "window": "1:00-5:00 Mars/Olympus" is not a window: "Mars/Olympus" is not a time zone (write an IANA name such as UTC or Europe/Paris)',
    );
    expect(() => read({ 'database-url': URL, parallel: '0' })).toThrow('Invalid input "parallel": "0" is not a whole number from 1 to 64');
    expect(() => read({ 'database-url': URL, 'maintenance-work-mem': '1 gigabyte' })).toThrow(
      `Invalid input "maintenance-work-mem": "1 gigabyte" is not a memory size (e.g. '1GB', '256MB')`,
    );
    expect(() => read({ 'database-url': URL, 'max-retained-wal': 'lots' })).toThrow('Invalid input "max-retained-wal": "lots" is not a size');
  });

  it('reads prune-include and prune-max, and names a bad class or bound', () => {
    expect(read({ 'database-url': URL, prune: 'true', 'prune-include': 'adopted, unique', 'prune-max': '0' })).toMatchObject({
      prune: true,
      pruneInclude: ['adopted', 'unique'],
      pruneMax: 0,
    });
    expect(() => read({ 'database-url': URL, 'prune-include': 'adopted,everything' })).toThrow(
      'Invalid input "prune-include": "everything" is not one of adopted, unique, constraint, shrunk-registry',
    );
    expect(() => read({ 'database-url': URL, 'prune-max': 'five' })).toThrow('Invalid input "prune-max": "five" is not a whole number of 0 or more');
  });

  it('reads on-drift, prune and ssl-ca, and names a bad on-drift', () => {
    const inputs = read({ 'database-url': URL, 'on-drift': 'rebuild', prune: 'true', 'ssl-ca': '/etc/ssl/db-ca.pem' });
    expect(inputs).toMatchObject({ onDrift: 'rebuild', prune: true });
    expect(inputs.databaseUrl).toBe(`${URL}?sslrootcert=%2Fetc%2Fssl%2Fdb-ca.pem&sslmode=verify-full`);
    expect(() => read({ 'database-url': URL, 'on-drift': 'sometimes' })).toThrow(
      'Invalid input "on-drift": "sometimes" is not one of report, rebuild',
    );
  });

  it('reads the defaults the runner passes, as the runner passes them', () => {
    expect(read({ 'database-url': URL, ...INPUT_DEFAULTS })).toEqual(read({ 'database-url': URL }));
  });

  it('reads PostgreSQL-style durations, counts, fail-on and dry-run', () => {
    const inputs = read({
      'database-url': ` ${URL} `,
      registry: 'config/indexes.yaml',
      'lock-timeout': '30s',
      'max-attempts': '3',
      'statement-timeout': '2h',
      'time-budget': '20min',
      'progress-interval': '250ms',
      'fail-on': 'critical',
      'dry-run': 'True',
    });
    expect(inputs).toMatchObject({
      databaseUrl: URL,
      registry: 'config/indexes.yaml',
      lockTimeoutMs: 30_000,
      maxAttempts: 3,
      statementTimeoutMs: 7_200_000,
      timeBudgetMs: 1_200_000,
      progressIntervalMs: 250,
      failOn: 'critical',
      dryRun: true,
    });
  });

  it.each([
    ['max-attempts', 'abc', /^Invalid input "max-attempts": "abc" is not a whole number of 1 or more$/],
    ['max-attempts', '0', /"max-attempts"/],
    ['max-attempts', '2.5', /"max-attempts"/],
    ['fail-on', 'sometimes', /^Invalid input "fail-on": "sometimes" is not one of never, critical, any$/],
    ['lock-timeout', '5 minutes', /^Invalid input "lock-timeout": "5 minutes" is not a duration/],
    ['statement-timeout', '-1s', /"statement-timeout"/],
    ['time-budget', 'soon', /"time-budget"/],
    ['progress-interval', '10 sec', /"progress-interval"/],
    ['dry-run', 'yes', /^Invalid input "dry-run": "yes" is not true or false$/],
  ] as const)('rejects %s: %s, naming the input', (name, value, message) => {
    expect(errorOf({ 'database-url': URL, [name]: value }).message).toMatch(message);
  });

  it('requires database-url, and says how to pass it', () => {
    expect(errorOf({}).message).toMatch(/^Input "database-url" is required.*secrets\.DATABASE_URL/);
  });

  it.each(['mysql://app:s3cret@db/app', 'not a url s3cret'])('rejects database-url %s without printing it', (url) => {
    const { message } = errorOf({ 'database-url': url });
    expect(message).toMatch(/^Invalid input "database-url": /);
    expect(message).not.toContain('s3cret');
  });
});
