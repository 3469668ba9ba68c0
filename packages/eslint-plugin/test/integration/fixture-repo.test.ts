// The whole plugin as a user gets it: the ESLint Node API with the fixture repository's own eslint.config.js
// (`...indexBuilder.configs.recommended`, imported from the package name, i.e. the committed bundle) over
// migrations of every kind. Every expected report is listed, and nothing else may appear. The same run through
// `npx eslint` from the fixture folder must print the same reports.
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { FIXTURES } from '../support/paths.ts';

const FIXTURE = join(FIXTURES, 'repo');
const RULES = ['index-builder/no-index-in-migration', 'index-builder/no-constraint-index-in-migration'];

/** `file line:column-endLine:endColumn messageId name`, one per expected report, sorted as ESLint sorts them. */
const EXPECTED = [
  'db/migrate/20240102090000_leads.ts 8:5-8:91 indexInMigration idx_leads_last_call_direction',
  'db/migrate/20240102090000_leads.ts 11:5-13:40 indexInMigration idx_leads_backfill_pending',
  'db/migrate/20240103000000-add-indexes.cjs 6:11-6:70 indexInMigration users_last_name_first_name',
  'db/migrate/20240103000000-add-indexes.cjs 7:11-7:124 indexInMigration orders_status_idx',
  'db/migrate/20240103000000-add-indexes.cjs 8:11-8:102 uniqueIndexInMigration products_sku_unique',
  'db/migrate/20240103000000-add-indexes.cjs 9:43-9:107 concurrentIndexInMigration products_name_idx',
  'db/migrate/20240103000000-add-indexes.cjs 10:11-10:116 uniqueConstraint orders_number_key',
  'migrations/knex/20240101120000_create_users.cjs 5:5-5:33 indexInMigration users_name_index',
  'migrations/knex/20240101120000_create_users.cjs 9:5-9:70 indexInMigration idx_orders_user_created',
  'migrations/knex/20240101120000_create_users.cjs 12:19-12:68 indexInMigration idx_orders_status',
  'migrations/knex/20240108000000_constraints.js 5:5-5:62 uniqueConstraint users_email_key',
  'migrations/knex/20240108000000_constraints.js 6:5-6:26 primaryKeyConstraint users_pkey',
  'migrations/knex/20240108000000_constraints.js 11:19-11:84 uniqueConstraint users_handle_key',
  'migrations/kysely/2024_01_04_pets.ts 9:9-9:109 indexInMigration person_email_lower_idx',
  'migrations/kysely/2024_01_04_pets.ts 10:9-10:86 indexInMigration pet_owner_idx',
  'migrations/kysely/2024_01_04_pets.ts 11:13-11:52 indexInMigration pet_name_idx',
  'migrations/node-pg-migrate/1700000000000_add-indexes.js 2:3-2:57 uniqueIndexInMigration accounts_email_unique_index',
  'migrations/node-pg-migrate/1700000000000_add-indexes.js 3:3-5:5 indexInMigration idx_invoices_account_issued',
  'migrations/node-pg-migrate/1700000000000_add-indexes.js 6:12-6:70 indexInMigration idx_accounts_created',
  'migrations/node-pg-migrate/1700000000000_add-indexes.js 7:3-7:75 uniqueConstraint accounts_email_key',
  'migrations/raw/20240105_events.mjs 3:23-3:96 indexInMigration idx_events_type',
  'migrations/raw/20240105_events.mjs 6:5-6:70 indexInMigration idx_events_created',
  'migrations/raw/20240105_events.mjs 9:23-9:78 indexInMigration idx_events_${column}',
  'prisma/migrations/20240107000000_init/migration.sql 9:1-9:56 uniqueIndexInMigration User_email_key',
  'prisma/migrations/20240107000000_init/migration.sql 12:1-12:50 indexInMigration User_createdAt_idx',
  'src/migrations/1700000000001-AddIndexes.ts 5:44-5:116 indexInMigration IDX_posts_author',
  'src/migrations/1700000000001-AddIndexes.ts 6:50-6:108 indexInMigration IDX_06a1038b5b8f236c9ddb068af5',
  'src/migrations/1700000000001-AddIndexes.ts 7:30-7:81 indexInMigration IDX_posts_title',
  'supabase/migrations/20240106000000_profiles.sql 9:1-9:82 indexInMigration profiles_bio_idx',
  'supabase/migrations/20240106000000_profiles.sql 14:1-14:74 uniqueIndexInMigration profiles_lower_handle_key',
  'supabase/migrations/20240106000000_profiles.sql 19:5-19:58 indexInMigration profiles_handle_idx',
];

/** Files the config lints that must yield no report at all. */
const CLEAN = ['db/indexes.ts', 'drizzle/0001_cool_name.sql'];

interface Message {
  ruleId: string | null;
  messageId?: string;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

function summarize(results: { filePath: string; messages: Message[] }[]): string[] {
  return results.flatMap((result) =>
    result.messages.map((m) => {
      const name = RULES.includes(m.ruleId ?? '') ? /^[\w ]+? "(.*?)" on/.exec(m.message)?.[1] : m.message;
      return `${relative(FIXTURE, result.filePath)} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.messageId ?? m.ruleId} ${name}`;
    }),
  );
}

describe('the fixture repository, linted with configs.recommended', () => {
  let results: ESLint.LintResult[];

  beforeAll(async () => {
    const eslint = new ESLint({ cwd: FIXTURE });
    results = await eslint.lintFiles(['.']);
  });

  it('reports every index created in a migration, and nothing else', () => {
    expect(summarize(results)).toEqual(EXPECTED);
  });

  it('lints the registry and the disabled .sql file without a report', () => {
    const linted = results.map((result) => relative(FIXTURE, result.filePath));
    expect(linted).toEqual(expect.arrayContaining(CLEAN));
    for (const file of CLEAN) expect(results.find((r) => relative(FIXTURE, r.filePath) === file)?.messages).toEqual([]);
  });

  it('leaves application code alone', () => {
    expect(results.map((result) => relative(FIXTURE, result.filePath))).not.toContain('src/app.ts');
  });

  it('offers the registry entry as a suggestion', () => {
    const users = results.find((r) => r.filePath.endsWith('20240101120000_create_users.cjs'))!;
    expect(users.messages[2]!.suggestions?.[0]?.desc).toBe(
      'Insert the registry entry for "idx_orders_status" as a comment, to move into db/indexes.ts: ' +
        "{ name: 'idx_orders_status', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_status ON orders (status)', " +
        "critical: false, description: 'Index on orders (status), moved from migration 20240101120000_create_users.cjs' }",
    );
  });

  it('prints the same reports through `npx eslint .` run in the fixture folder (exit code 1)', () => {
    const run = spawnSync('npx', ['eslint', '.', '--format', 'json'], { cwd: FIXTURE, encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(1);
    expect(summarize(JSON.parse(run.stdout) as ESLint.LintResult[])).toEqual(EXPECTED);
  });
});
