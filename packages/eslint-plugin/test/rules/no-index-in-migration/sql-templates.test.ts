// .sql migrations that are templates: Go text/template, Jinja/dbt and Flyway placeholders stand in for
// identifiers, block tags vanish, and every index is reported at its own line and column in the template.
import { RuleTester } from 'eslint';
import { findSqlFindings } from '../../../src/migration-sql/index-creations.ts';
import { plainSqlSource } from '../../../src/migration-sql/sql-source.ts';
import { templateSqlSource } from '../../../src/migration-sql/sql-templates.ts';
import plugin from '../../../src/index.ts';
import { noIndexInMigration } from '../../../src/rules/no-index-in-migration/index.ts';

const tester = new RuleTester({ plugins: { 'index-builder': plugin as never }, language: 'index-builder/sql' });
const rule = noIndexInMigration as never;
const data = (index: string, table: string) => ({ index, table, registryPath: 'db/indexes.ts' });

const goTemplate = `{{- /* per-tenant schema */ -}}
CREATE TABLE {{ .Schema }}.users (id bigint, email text);
{{ if .WithIndexes }}
CREATE INDEX users_email_idx ON {{ .Schema }}.users (email);
{{- end }}
CREATE INDEX idx_{{ .Table }}_created ON {{ .Schema }}.{{ .Table }} (created_at);
`;

const dbt = `{{ config(materialized='incremental') }}
{% if is_incremental() %}
  CREATE INDEX IF NOT EXISTS orders_status_idx ON {{ this }} (status);
{% endif %}
{# a Jinja comment: CREATE INDEX not_this ON t (a) #}
`;

const flyway = `CREATE TABLE \${schema}.accounts (id bigint, name text);
CREATE INDEX accounts_name_idx ON \${schema}.accounts (name);
COMMENT ON TABLE \${schema}.accounts IS 'owned by \${owner}';
CREATE UNIQUE INDEX \${flyway:table}_key ON \${schema}.\${flyway:table} (id);
`;

// The core RuleTester registers the rule as `rule-to-test/<name>`: the disable comment below names it so.
tester.run('no-index-in-migration', rule, {
  valid: [
    { code: '{{ if .Drop }}DROP INDEX {{ .Name }};{{ end }}', filename: 'file.sql' },
    { code: '-- eslint-disable-next-line rule-to-test/no-index-in-migration\nCREATE INDEX a ON ${schema}.t (x);', filename: 'file.sql' },
  ],
  invalid: [
    {
      code: goTemplate,
      filename: 'file.sql',
      errors: [
        { messageId: 'indexInMigration', data: data('users_email_idx', '{{ .Schema }}.users'), line: 4, column: 1, endLine: 4, endColumn: 60 },
        {
          messageId: 'indexInMigration',
          data: data('idx_{{ .Table }}_created', '{{ .Schema }}.{{ .Table }}'),
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 81,
        },
      ],
    },
    {
      code: dbt,
      filename: 'file.sql',
      errors: [{ messageId: 'indexInMigration', data: data('orders_status_idx', '{{ this }}'), line: 3, column: 3, endLine: 3, endColumn: 70 }],
    },
    {
      // The config() call stands where a statement does: with reportUnverifiable it is reported as unreadable.
      code: dbt,
      filename: 'file.sql',
      options: [{ reportUnverifiable: true }],
      errors: [
        { messageId: 'unverifiableSql', line: 1, column: 1, endLine: 1, endColumn: 41 },
        { messageId: 'indexInMigration', line: 3 },
      ],
    },
    {
      code: flyway,
      filename: 'file.sql',
      errors: [
        { messageId: 'indexInMigration', data: data('accounts_name_idx', '${schema}.accounts'), line: 2, column: 1, endLine: 2, endColumn: 60 },
        {
          messageId: 'uniqueIndexInMigration',
          data: data('${flyway:table}_key', '${schema}.${flyway:table}'),
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 74,
        },
      ],
    },
  ],
});

describe('templateSqlSource', () => {
  it('is undefined for SQL without template syntax', () => {
    expect(templateSqlSource('CREATE INDEX a ON t (x);')).toBeUndefined();
  });

  it('never lets a stray {{ swallow the lines after it', () => {
    const text = "INSERT INTO t VALUES ('{{1,2}');\nCREATE INDEX b ON t (y);\n-- }}";
    expect(templateSqlSource(text)).toBeUndefined();
    const findings = findSqlFindings(plainSqlSource(text));
    expect(findings.map((f) => f.kind === 'index' && f.name)).toEqual(['b']);
  });

  it('maps every character back to the template', () => {
    const text = '{% if x %}CREATE INDEX i ON {{ .S }}.t (a);{% endif %}';
    const source = templateSqlSource(text)!;
    const [index] = findSqlFindings(source);
    expect(text.slice(index!.range[0], index!.range[1])).toBe('CREATE INDEX i ON {{ .S }}.t (a)');
  });
});
