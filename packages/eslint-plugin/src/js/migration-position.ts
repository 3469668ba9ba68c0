// Where a migration stands in its project's history, read from its file name, for the rule's `since` option.
// Two kinds of position, never compared with each other:
//   - a timestamp, as 14 digits YYYYMMDDhhmmss (UTC): knex/Sequelize/dbmate/Rails `20240101120000_x`, Kysely and
//     Laravel `2024_01_01_000000_x` or `2024-01-01T12-00-00_x`, diesel `2024-01-01-000000_x/up.sql`, Prisma
//     `20240101120000_x/migration.sql`, MikroORM `Migration20240101120000`, and epoch numbers: node-pg-migrate and
//     TypeORM milliseconds `1700000000000_x` / `1700000000000-Name`, seconds `1700000000_x` (golang-migrate -format unix);
//   - a sequence (version numbers): Drizzle `0001_x.sql`, golang-migrate and goose `000012_x`, Flyway `V12__x.sql`
//     and `V1.2__x.sql` / `V1_2__x.sql`.
// A name with neither (Flyway's repeatable `R__x.sql`, `add_users.sql`) has no position: the rule always checks it.
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

export type MigrationPosition = { kind: 'timestamp'; value: string } | { kind: 'sequence'; value: number[] };

/** Files named for the change in their folder's name: Prisma `migration.sql`, diesel `up.sql` / `down.sql`. */
const FOLDER_NAMED = /^(?:migration|up|down)\.sql$/i;

export function migrationPosition(filename: string): MigrationPosition | undefined {
  const parts = filename.replace(/\\/g, '/').split('/');
  const base = parts.at(-1) ?? '';
  const name = FOLDER_NAMED.test(base) && parts.length > 1 ? parts.at(-2)! : base;
  return positionOf(name);
}

function positionOf(name: string): MigrationPosition | undefined {
  const flyway = /^V(\d+(?:[._]\d+)*)__/i.exec(name);
  if (flyway) return { kind: 'sequence', value: flyway[1]!.split(/[._]/).map(Number) };
  const stamp = name.replace(/^Migration(?=\d{14})/, '');
  const dated = /^((?:19|20)\d{2})[-_](\d{2})[-_](\d{2})(?:[-_T](\d{2})[-_:]?(\d{2})[-_:]?(\d{2})?)?(?!\d)/.exec(stamp);
  if (dated && validDate(dated[1]!, dated[2]!, dated[3]!)) {
    return {
      kind: 'timestamp',
      value: pad(
        dated
          .slice(1)
          .map((group) => group ?? '')
          .join(''),
      ),
    };
  }
  const digits = /^\d+/.exec(stamp)?.[0];
  if (!digits) return undefined;
  return timestampOf(digits) ?? { kind: 'sequence', value: [Number(digits)] };
}

function timestampOf(digits: string): MigrationPosition | undefined {
  if (digits.length >= 8 && digits.length <= 14 && digits.length !== 10 && digits.length !== 13) {
    const [year, month, day] = [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8)];
    if (/^(?:19|20)/.test(year) && validDate(year, month, day)) return { kind: 'timestamp', value: pad(digits) };
    return undefined;
  }
  if (digits.length === 13 || digits.length === 10) {
    const epoch = Number(digits) * (digits.length === 10 ? 1000 : 1);
    const date = new Date(epoch);
    if (date.getUTCFullYear() >= 2000 && date.getUTCFullYear() < 2100) return { kind: 'timestamp', value: utcStamp(date) };
  }
  return undefined;
}

function validDate(year: string, month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  return Number(year) > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

const pad = (digits: string): string => digits.padEnd(14, '0').slice(0, 14);

function utcStamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

/**
 * The `since` option read as a position: a date or timestamp (`'20261125'`, `'2026-11-25'`, `'20261125093000'`) or
 * a sequence (`12`, `'12'`, `'V12'`, `'V1.2'`). Undefined when it is neither (the schema's message names the forms).
 */
export function sincePosition(since: string | number): MigrationPosition | undefined {
  const text = String(since).trim();
  const flyway = /^V?(\d+(?:[._]\d+)*)$/i.exec(text);
  if (flyway && !(text.length >= 8 && /^\d+$/.test(text))) return { kind: 'sequence', value: flyway[1]!.split(/[._]/).map(Number) };
  const dated = /^((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?:[T ]?(\d{2}):?(\d{2}):?(\d{2})?)?$/.exec(text);
  if (dated && validDate(dated[1]!, dated[2]!, dated[3]!)) {
    return {
      kind: 'timestamp',
      value: pad(
        dated
          .slice(1)
          .map((group) => group ?? '')
          .join(''),
      ),
    };
  }
  return undefined;
}

/** True when `position` comes before `since` (the migration is older): only positions of the same kind compare. */
export function isBefore(position: MigrationPosition | undefined, since: MigrationPosition | undefined): boolean {
  if (!position || !since || position.kind !== since.kind) return false;
  if (position.kind === 'timestamp') return position.value < (since.value as string);
  const [a, b] = [position.value, since.value as number[]];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const [x, y] = [a[i] ?? 0, b[i] ?? 0];
    if (x !== y) return x < y;
  }
  return false;
}

/** The forms of `since` that sincePosition reads: a version (12, V12, V1.2) or a date/timestamp. */
const SINCE_PATTERN = '^\\s*(?:[Vv]?\\d+(?:[._]\\d+)*|(?:19|20)\\d{2}-?\\d{2}-?\\d{2}(?:[T ]?\\d{2}:?\\d{2}(?::?\\d{2})?)?)\\s*$';

/** The rules' `since` option, as JSON schema. */
export const SINCE_SCHEMA: JSONSchema4 = {
  description:
    'Check only migrations from this point on, read from the file name: a date or timestamp ' +
    "('20261125', '2026-11-25', '20261125093000') for timestamped names, a number or version (12, 'V12', 'V1.2') for sequence-numbered ones.",
  oneOf: [
    { type: 'string', pattern: SINCE_PATTERN },
    { type: 'integer', minimum: 0 },
  ],
};

/** Whether a migration file comes before `since` (and so is not checked). */
export function beforeSince(filename: string, since: string | number | undefined): boolean {
  return since !== undefined && isBefore(migrationPosition(filename), sincePosition(since));
}
