// Every common migration layout is linted by configs.recommended, and a project adds its own folders with
// migrationConfigs: a fixture repository with one migration per layout, linted through ESLint's Node API.
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { FIXTURES } from '../support/paths.ts';

const FIXTURE = join(FIXTURES, 'layouts');

const REPORTED: [layout: string, file: string, index: string][] = [
  ['singular migration/', 'migration/001_singular.sql', 'singular_idx'],
  ['Flyway', 'src/main/resources/db/migration/V1__flyway.sql', 'flyway_idx'],
  ['golang-migrate up', 'sql/000001_golang.up.sql', 'golang_up_idx'],
  ['golang-migrate down', 'sql/000001_golang.down.sql', 'golang_down_idx'],
  ['diesel', 'migrations/2024-01-01-000000_diesel/up.sql', 'diesel_idx'],
  ['dbmate', 'db/migrations/20240101000000_dbmate.sql', 'dbmate_idx'],
  ['goose', 'db/migrations/00002_goose.sql', 'goose_idx'],
  ['Supabase', 'supabase/migrations/20240101000000_supabase.sql', 'supabase_idx'],
  ['Prisma', 'prisma/migrations/20240101000000_init/migration.sql', 'prisma_idx'],
  ['Drizzle', 'drizzle/0000_drizzle.sql', 'drizzle_idx'],
  ['sqitch deploy/', 'deploy/sqitch.sql', 'sqitch_idx'],
  ['db/migrate', 'db/migrate/20240101000000_rails.sql', 'rails_sql_idx'],
  ['src/migrations (TypeORM)', 'src/migrations/1700000000000-TypeOrm.ts', 'typeorm_idx'],
  ['database/migrations', 'database/migrations/2024_01_01_000000_laravel_style.js', 'database_migrations_idx'],
  ['migrationConfigs .sql', 'schema-changes/001_custom.sql', 'custom_sql_idx'],
  ['migrationConfigs .ts', 'schema-changes/002_custom.ts', 'custom_ts_idx'],
];

describe('migration layouts under configs.recommended', () => {
  let reports: Map<string, string[]>;

  beforeAll(async () => {
    const results = await new ESLint({ cwd: FIXTURE }).lintFiles(['.']);
    reports = new Map(
      results.map((result) => [
        relative(FIXTURE, result.filePath),
        result.messages.map((m) => /^(?:Unique index|Index) "(.*?)"/.exec(m.message)?.[1] ?? m.message),
      ]),
    );
  });

  it.each(REPORTED)('%s: %s is linted and its index reported', (_layout, file, index) => {
    expect(reports.get(file)).toEqual([index]);
  });

  it("leaves sqitch's revert/ and a deploy/ script alone", () => {
    expect(reports.has('revert/sqitch.sql')).toBe(false);
    // ESLint lints every .js file, with no rule of ours here.
    expect(reports.get('deploy/rollout.js')).toEqual([]);
  });
});
