// What a migration file creates, gathered while the rule walks it and reported once the walk is over (an index is
// allowed under `allowNewTables` only when the same file creates its table, which may come later in the file).
import type { IndexCreation, SqlFinding } from '../../migration-sql/findings.ts';
import { entryComment, entryFromStatement, entryText, type RegistryEntryDraft } from '../registry-entry.ts';
import { insertCommentAbove, qualified, sameTable, type Fixer, type Range, type TableReport } from '../reports.ts';

export interface IndexReport {
  range: Range;
  /** Where a comment line may be inserted above the index creation (a statement start). */
  anchor: number;
  /** The index name as the database will have it, when known. */
  name: string | undefined;
  tableName: string;
  tableSchema: string | undefined;
  unique: boolean;
  /** Built CONCURRENTLY (SQL, or node-pg-migrate's and Sequelize's `concurrently: true`). */
  concurrent?: boolean;
  entry: RegistryEntryDraft | undefined;
}

export interface RuleOptions {
  allowUnique: boolean;
  allowNewTables: boolean;
  reportUnverifiable: boolean;
  registryPath: string;
  /** Migrations named before this position are not checked (see migration-position.ts). */
  since?: string | number;
}

export type MessageId = 'indexInMigration' | 'uniqueIndexInMigration' | 'concurrentIndexInMigration' | 'unverifiableSql' | 'moveToRegistry';

/** The slice of ESLint's rule context the reporter needs; the same for JavaScript and SQL files. */
export interface ReportContext {
  filename: string;
  text: string;
  locAt(offset: number): { line: number; column: number };
  report(descriptor: {
    loc: { start: { line: number; column: number }; end: { line: number; column: number } };
    messageId: MessageId;
    data: Record<string, string>;
    suggest?: { messageId: MessageId; data: Record<string, string>; fix: (fixer: Fixer) => unknown }[];
  }): void;
}

export class MigrationFindings {
  readonly #indexes: IndexReport[] = [];
  readonly #tables: TableReport[] = [];
  readonly #unverifiable: Range[] = [];

  constructor(
    private readonly context: ReportContext,
    private readonly options: RuleOptions,
  ) {}

  addIndex(report: IndexReport): void {
    this.#indexes.push(report);
  }

  addTable(table: TableReport): void {
    this.#tables.push(table);
  }

  addUnverifiable(range: Range): void {
    if (this.options.reportUnverifiable) this.#unverifiable.push(range);
  }

  /** Findings of SQL text. Unverifiable statements count only in SQL calls (`inSink`) or when they mention INDEX. */
  addSql(findings: readonly SqlFinding[], anchor: number, inSink: boolean): void {
    for (const finding of findings) {
      if (finding.kind === 'index') this.addIndex(this.#fromSql(finding, anchor));
      else if (finding.kind === 'table') this.addTable(finding);
      else if (finding.kind === 'unverifiable' && (inSink || finding.mentionsIndex)) this.addUnverifiable(finding.range);
    }
  }

  #fromSql(finding: IndexCreation, anchor: number): IndexReport {
    const name = finding.name ?? finding.defaultName;
    const entry =
      finding.statement && name ? entryFromStatement(finding.statement, name, finding.tableName, finding.columns, this.context.filename) : undefined;
    return { ...finding, anchor, name, entry };
  }

  /** Reports everything gathered, in source order. */
  flush(marker: '//' | '--'): void {
    const { allowUnique, allowNewTables, registryPath } = this.options;
    const reports = this.#indexes
      .filter((index) => !(allowUnique && index.unique))
      .filter((index) => !(allowNewTables && this.#tables.some((table) => sameTable(table, index))));
    for (const index of reports.sort((a, b) => a.range[0] - b.range[0])) {
      const data = { index: index.name ?? '(name computed at run time)', table: qualified(index), registryPath };
      const entry = index.entry;
      this.context.report({
        loc: this.#loc(index.range),
        messageId: index.concurrent ? 'concurrentIndexInMigration' : index.unique ? 'uniqueIndexInMigration' : 'indexInMigration',
        data,
        suggest: entry
          ? [
              {
                messageId: 'moveToRegistry',
                data: { ...data, entry: entryText(entry) },
                fix: (fixer) => this.#insertComment(fixer, index.anchor, entryComment(entry, registryPath, marker)),
              },
            ]
          : [],
      });
    }
    for (const range of this.#unverifiable.sort((a, b) => a[0] - b[0])) {
      this.context.report({ loc: this.#loc(range), messageId: 'unverifiableSql', data: { registryPath } });
    }
  }

  #loc(range: Range) {
    return { start: this.context.locAt(range[0]), end: this.context.locAt(range[1]) };
  }

  /** Inserts comment lines above the line holding `anchor`, indented like it. */
  #insertComment(fixer: Fixer, anchor: number, lines: string[]): unknown {
    return insertCommentAbove(fixer, this.context.text, anchor, lines);
  }
}
