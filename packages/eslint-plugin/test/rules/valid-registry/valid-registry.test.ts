// valid-registry: the builder's own validator on db/indexes.ts, each problem at the property it concerns, the
// description required, and an autofix inserting missing CONCURRENTLY / IF NOT EXISTS.
import { validRegistry } from '../../../src/rules/valid-registry/index.ts';
import { at, ruleTester } from '../../support/rule-tester.ts';

const filename = 'db/indexes.ts';
const registry = (entries: string) => `import { defineIndexes } from 'index-builder';

export default defineIndexes([
${entries}
]);
`;
const entry = (name: string, sql: string, extra = "    description: 'Why this index exists',") => `  {
    name: '${name}',
    sql: ${sql},
    critical: false,
${extra}
  },`;

const lacksBoth = registry(entry('idx_leads_status', "'CREATE INDEX idx_leads_status ON leads (status)'"));
const lacksIfNotExists = registry(entry('idx_leads_status', '`CREATE UNIQUE INDEX CONCURRENTLY idx_leads_status\n      ON leads (status)`'));
const lacksConcurrently = registry(entry('idx_leads_status', "'CREATE INDEX IF NOT EXISTS idx_leads_status ON leads (status)'"));
const wrongName = registry(entry('idx_leads_state', "'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (status)'"));
const duplicate = registry(
  [
    entry('idx_leads_status', "'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (status)'"),
    entry('idx_leads_status', "'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (status, id)'"),
  ].join('\n'),
);
const noDescription = registry(entry('idx_leads_status', "'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (status)'", ''));
const unknownKey = registry(
  entry(
    'idx_leads_status',
    "'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (status)'",
    "    description: 'x',\n    concurrently: true,",
  ),
);
const threeProblems = registry(
  entry(
    'idx_leads_status',
    "'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (now())'",
    '    description: 42,\n    concurently: true,',
  ),
);
const notAnIndex = registry(entry('idx_leads_status', "'DROP INDEX idx_leads_status'"));
const twoStatements = registry(entry('idx_a', "'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON t (a); SELECT 1'"));
const syntaxError = registry(entry('idx_a', "'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON'"));

ruleTester.run('valid-registry', validRegistry, {
  valid: [
    { filename, code: registry(entry('idx_leads_status', "'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (status)'")) },
    {
      filename,
      code: `const indexes = [
        { name: 'billing.idx_a', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON billing.t (a)', description: 'a' },
        { name: 'shop.idx_a', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON shop.t (a)', description: 'a' },
      ];
      export default indexes;`,
    },
    {
      filename,
      code: `module.exports = [{ name: 'idx_a', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON t (a)', description: 'a' }];`,
    },
    // Computed entries are left to the builder, which runs the module.
    { filename, code: `export default defineIndexes([...shared, { name: NAME, sql: makeSql(NAME), description: 'a' }]);` },
    { filename, code: `export const helper = 1;` },
  ],
  invalid: [
    {
      filename,
      code: lacksBoth,
      output: lacksBoth.replace('CREATE INDEX idx_leads_status', 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status'),
      errors: [
        {
          messageId: 'invalidEntry',
          data: {
            message:
              'idx_leads_status: sql lacks CONCURRENTLY, so the build would block writes to leads; ' +
              'write CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (...)',
          },
          ...at(lacksBoth, "'CREATE INDEX idx_leads_status ON leads (status)'"),
        },
        {
          messageId: 'invalidEntry',
          data: {
            message:
              'idx_leads_status: sql lacks IF NOT EXISTS, so a second run would fail; ' +
              'write CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (...)',
          },
          ...at(lacksBoth, "'CREATE INDEX idx_leads_status ON leads (status)'"),
        },
      ],
    },
    {
      filename,
      code: lacksIfNotExists,
      output: lacksIfNotExists.replace('CONCURRENTLY idx_leads_status', 'CONCURRENTLY IF NOT EXISTS idx_leads_status'),
      errors: [
        {
          messageId: 'invalidEntry',
          data: {
            message:
              'idx_leads_status: sql lacks IF NOT EXISTS, so a second run would fail; ' +
              'write CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (...)',
          },
          ...at(lacksIfNotExists, '`CREATE UNIQUE INDEX CONCURRENTLY idx_leads_status\n      ON leads (status)`'),
        },
      ],
    },
    {
      filename,
      code: lacksConcurrently,
      output: lacksConcurrently.replace('CREATE INDEX IF NOT EXISTS', 'CREATE INDEX CONCURRENTLY IF NOT EXISTS'),
      errors: [{ messageId: 'invalidEntry', ...at(lacksConcurrently, "'CREATE INDEX IF NOT EXISTS idx_leads_status ON leads (status)'") }],
    },
    {
      filename,
      code: wrongName,
      output: null,
      errors: [
        {
          messageId: 'invalidEntry',
          data: {
            message:
              'idx_leads_state: name "idx_leads_state" differs from the index name in sql, "idx_leads_status"; write name: \'idx_leads_status\', or rename the index in sql',
          },
          ...at(wrongName, "'idx_leads_state'"),
        },
      ],
    },
    {
      filename,
      code: duplicate,
      output: null,
      errors: [
        {
          messageId: 'invalidEntry',
          data: { message: 'idx_leads_status: duplicate name; already declared at db/indexes.ts:5; rename one, or delete the copy' },
          ...at(duplicate, "'idx_leads_status'", 2),
        },
      ],
    },
    {
      filename,
      code: noDescription,
      output: null,
      errors: [{ messageId: 'missingDescription', data: { name: 'idx_leads_status' }, ...at(noDescription, "'idx_leads_status'") }],
    },
    {
      filename,
      code: unknownKey,
      output: null,
      errors: [
        {
          messageId: 'invalidEntry',
          data: {
            message:
              'idx_leads_status: unknown key "concurrently"; remove it, or write one of name, sql, critical, description, constraint, maintenanceWorkMem, maxParallelMaintenanceWorkers, ignoreWindow',
          },
          ...at(unknownKey, 'concurrently'),
        },
      ],
    },
    {
      filename,
      code: threeProblems,
      output: null,
      errors: [
        {
          messageId: 'invalidEntry',
          data: {
            message:
              'idx_leads_status: sql calls now(), which is not immutable; index expressions and predicates may only use immutable functions and values: write a fixed literal instead',
          },
          ...at(threeProblems, "'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (now())'"),
        },
        {
          messageId: 'invalidEntry',
          data: { message: 'idx_leads_status: "description" must be a string; write what the index is for, in quotes' },
          ...at(threeProblems, '42'),
        },
        {
          messageId: 'invalidEntry',
          data: {
            message:
              'idx_leads_status: unknown key "concurently"; remove it, or write one of name, sql, critical, description, constraint, maintenanceWorkMem, maxParallelMaintenanceWorkers, ignoreWindow',
          },
          ...at(threeProblems, 'concurently'),
        },
      ],
    },
    {
      filename,
      code: notAnIndex,
      output: null,
      errors: [
        {
          messageId: 'invalidEntry',
          data: { message: 'idx_leads_status: sql is DROP, not CREATE INDEX; other DDL belongs in a migration' },
          ...at(notAnIndex, "'DROP INDEX idx_leads_status'"),
        },
      ],
    },
    {
      filename,
      code: twoStatements,
      output: null,
      errors: [
        {
          messageId: 'invalidEntry',
          data: { message: 'idx_a: sql holds 2 statements (CREATE INDEX, SELECT); an entry holds exactly one CREATE INDEX' },
          ...at(twoStatements, "'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON t (a); SELECT 1'"),
        },
      ],
    },
    {
      filename,
      code: syntaxError,
      output: null,
      errors: [{ messageId: 'invalidEntry', ...at(syntaxError, "'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON'") }],
    },
    {
      // A computed entry still needs a description.
      filename,
      code: `export default [{ name: 'idx_a', sql: buildSql('idx_a') }];`,
      output: null,
      errors: [{ messageId: 'missingDescription', data: { name: 'this entry' }, line: 1, column: 25, endLine: 1, endColumn: 32 }],
    },
  ],
});
