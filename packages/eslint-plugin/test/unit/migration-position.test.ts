// The rule's `since` option reads a migration's place in history from its file name, per tool.
import { isBefore, migrationPosition, sincePosition } from '../../src/js/migration-position.ts';

describe('migrationPosition', () => {
  it.each([
    ['knex', 'migrations/20240101120000_create_users.js', { kind: 'timestamp', value: '20240101120000' }],
    ['Sequelize', 'migrations/20240101120000-create-users.js', { kind: 'timestamp', value: '20240101120000' }],
    ['node-pg-migrate (ms epoch)', 'migrations/1700000000000_add-indexes.js', { kind: 'timestamp', value: '20231114221320' }],
    ['TypeORM (ms epoch)', 'src/migrations/1700000000000-AddIndexes.ts', { kind: 'timestamp', value: '20231114221320' }],
    ['golang-migrate unix seconds', 'db/1700000000_x.up.sql', { kind: 'timestamp', value: '20231114221320' }],
    ['Kysely ISO date', 'migrations/2024-01-04T10-20-30_pets.ts', { kind: 'timestamp', value: '20240104102030' }],
    ['Kysely/Laravel underscores', 'migrations/2024_01_04_pets.ts', { kind: 'timestamp', value: '20240104000000' }],
    ['diesel', 'migrations/2024-01-01-093000_users/up.sql', { kind: 'timestamp', value: '20240101093000' }],
    ['Prisma', 'prisma/migrations/20240101120000_init/migration.sql', { kind: 'timestamp', value: '20240101120000' }],
    ['MikroORM', 'src/migrations/Migration20240101120000.ts', { kind: 'timestamp', value: '20240101120000' }],
    ['Rails-style 8-digit date', 'db/migrate/20240101_x.sql', { kind: 'timestamp', value: '20240101000000' }],
    ['Drizzle', 'drizzle/0001_cool_name.sql', { kind: 'sequence', value: [1] }],
    ['golang-migrate sequence', 'db/000012_x.up.sql', { kind: 'sequence', value: [12] }],
    ['Flyway', 'db/migration/V12__x.sql', { kind: 'sequence', value: [12] }],
    ['Flyway dotted', 'db/migration/V1.2__x.sql', { kind: 'sequence', value: [1, 2] }],
    ['Flyway underscored', 'db/migration/V1_2__x.sql', { kind: 'sequence', value: [1, 2] }],
  ])('%s: %s', (_tool, file, position) => {
    expect(migrationPosition(file)).toEqual(position);
  });

  it.each(['db/migration/R__views.sql', 'migrations/add_users.js', 'supabase/migrations/migration.sql'])('%s has no position', (file) =>
    expect(migrationPosition(file)).toBeUndefined(),
  );
});

describe('since', () => {
  it('reads dates, timestamps, numbers and versions', () => {
    expect(sincePosition('20261125')).toEqual({ kind: 'timestamp', value: '20261125000000' });
    expect(sincePosition('2026-11-25')).toEqual({ kind: 'timestamp', value: '20261125000000' });
    expect(sincePosition('2026-11-25T09:30')).toEqual({ kind: 'timestamp', value: '20261125093000' });
    expect(sincePosition(12)).toEqual({ kind: 'sequence', value: [12] });
    expect(sincePosition('V1.2')).toEqual({ kind: 'sequence', value: [1, 2] });
    expect(sincePosition('20261399')).toBeUndefined();
  });

  it('compares positions of one kind only; a file at `since` is checked', () => {
    const since = sincePosition('20261125')!;
    expect(isBefore(migrationPosition('m/20261124235959_x.js'), since)).toBe(true);
    expect(isBefore(migrationPosition('m/20261125000000_x.js'), since)).toBe(false);
    expect(isBefore(migrationPosition('m/0001_x.sql'), since)).toBe(false);
    expect(isBefore(migrationPosition('m/V1.9__x.sql'), sincePosition('V1.10'))).toBe(true);
    expect(isBefore(migrationPosition('m/V2__x.sql'), sincePosition('V1.10'))).toBe(false);
    expect(isBefore(migrationPosition('m/20240101_x.js'), sincePosition(12))).toBe(false);
  });
});
