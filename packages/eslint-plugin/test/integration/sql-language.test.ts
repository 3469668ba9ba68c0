// The SQL language itself, through ESLint's Linter: parse errors as fatal messages at PostgreSQL's position,
// inline configuration comments in both SQL comment styles, and options validation.
import { Linter } from 'eslint';
import plugin, { SqlLanguage } from '../../src/index.ts';

const linter = new Linter({ configType: 'flat' });
const config = (rules: Linter.RulesRecord = { 'index-builder/no-index-in-migration': 'error' }): Linter.Config[] => [
  { files: ['**/*.sql'], plugins: { 'index-builder': plugin as never }, language: 'index-builder/sql', rules },
];
const lint = (code: string, rules?: Linter.RulesRecord) =>
  linter.verify(code, config(rules), 'migrations/001.sql').map(({ ruleId, line, column, endLine, endColumn, message, fatal }) => ({
    ruleId,
    line,
    column,
    endLine,
    endColumn,
    ...(fatal ? { fatal, message } : {}),
  }));

const RULE = 'index-builder/no-index-in-migration';

describe('SQL language', () => {
  it('reports a syntax error at the line and column PostgreSQL names, and nothing else', () => {
    expect(lint('SELECT 1;\nCREATE INDEX idx ON leads (a);\nCREATE INDEX ON;')).toEqual([
      {
        ruleId: null,
        line: 3,
        column: 16,
        endLine: undefined,
        endColumn: undefined,
        fatal: true,
        message: 'Parsing error: syntax error at or near ";"',
      },
    ]);
  });

  it('counts columns in characters after non-ASCII text', () => {
    // 'ünïcödé' is 7 characters (11 bytes in UTF-8); the error is at the end of input, column 35.
    expect(lint("SELECT 'ünïcödé';  CREATE INDEX ON")).toEqual([
      {
        ruleId: null,
        line: 1,
        column: 35,
        endLine: undefined,
        endColumn: undefined,
        fatal: true,
        message: 'Parsing error: syntax error at end of input',
      },
    ]);
  });

  it('honours eslint-disable / eslint-enable block comments', () => {
    const code = [
      '/* eslint-disable index-builder/no-index-in-migration */',
      'CREATE INDEX a ON t (x);',
      '/* eslint-enable index-builder/no-index-in-migration */',
      'CREATE INDEX b ON t (y);',
    ].join('\n');
    expect(lint(code)).toEqual([{ ruleId: RULE, line: 4, column: 1, endLine: 4, endColumn: 24 }]);
  });

  it('honours -- eslint-disable-next-line and -- eslint-disable-line, and only for the lines they name', () => {
    const code = [
      '-- eslint-disable-next-line index-builder/no-index-in-migration -- the table is empty',
      'CREATE INDEX a ON t (x);',
      'CREATE INDEX b ON t (y); -- eslint-disable-line index-builder/no-index-in-migration',
      'CREATE INDEX c ON t (z);',
    ].join('\n');
    expect(lint(code)).toEqual([{ ruleId: RULE, line: 4, column: 1, endLine: 4, endColumn: 24 }]);
  });

  it('applies /* eslint rule: off */ configuration comments', () => {
    expect(lint('/* eslint index-builder/no-index-in-migration: "off" */\nCREATE INDEX a ON t (x);')).toEqual([]);
  });

  it('reports a malformed configuration comment', () => {
    const [problem] = linter.verify('/* eslint index-builder/no-index-in-migration: [ */ SELECT 1;', config(), 'migrations/001.sql');
    expect(problem).toMatchObject({ ruleId: null, line: 1, column: 1, severity: 2 });
  });

  it('ignores JavaScript language options that shared configs set for every file', () => {
    const withOptions: Linter.Config[] = [{ ...config()[0]!, languageOptions: { sourceType: 'module', ecmaVersion: 'latest' } }];
    expect(linter.verify('CREATE INDEX a ON t (x);', withOptions, 'migrations/001.sql').map((m) => m.ruleId)).toEqual([RULE]);
  });

  it('gives the script its comments, positioned in the file, whether or not the file says "eslint"', () => {
    const result = new SqlLanguage().parse({ body: '-- one\nSELECT 1; /* two */\n', path: 'a.sql' } as never);
    if (!result.ok) throw new Error('parse failed');
    expect(result.ast.comments.map((c) => [c.value, c.block, c.loc.start, c.loc.end])).toEqual([
      [' one', false, { line: 1, column: 1 }, { line: 1, column: 7 }],
      [' two ', true, { line: 2, column: 11 }, { line: 2, column: 20 }],
    ]);
  });

  it('never takes comment markers inside strings or dollar quotes for comments', () => {
    const code = 'CREATE INDEX a ON t (x) WHERE y <> $q$ -- eslint-disable-line index-builder/no-index-in-migration $q$;';
    expect(lint(code)).toEqual([{ ruleId: RULE, line: 1, column: 1, endLine: 1, endColumn: 102 }]);
  });
});
