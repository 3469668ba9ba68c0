// What every migration library module exports: how the library creates indexes, index-building constraints and
// tables, and how a migration written for it tells PostgreSQL from the other databases. The rules ask each
// registered library in turn (frameworks/index.ts) and never name one.
import type { TSESTree } from '@typescript-eslint/utils';
import type { DialectNames } from '../../js/dialect.ts';
import type { TableRef } from '../../js/table-ref.ts';
import type { ConstraintType } from '../../migration-sql/constraint-creations.ts';

type Call = TSESTree.CallExpression;

export interface MigrationFramework {
  /** The library's npm name. */
  readonly name: string;
  /**
   * Its dialect guards: the names it gives PostgreSQL and the other databases (knex's `client`, TypeORM's `type`,
   * Sequelize's `getDialect()`). Code that a condition on one of the others guards does not run on PostgreSQL.
   */
  readonly dialects: DialectNames;
  /** A reader for one file, shown its calls in source order. */
  read(sourceText: string): FrameworkReader;
}

/**
 * The questions asked about each call of a migration. Each answers undefined when the call is not this library's:
 * the next library in the registry is asked. An empty list means "mine, and it creates nothing".
 */
export interface FrameworkReader {
  /** Sees every call first (knex remembers its table callbacks, which later calls are read against). */
  enter(call: Call, method: string): void;
  /** The indexes the call creates. */
  indexes(call: Call, method: string): DescribedIndex[] | undefined;
  /** The indexes an object construction describes (TypeORM's `new TableIndex(...)`); [] for most libraries. */
  indexObjects(node: TSESTree.NewExpression): DescribedIndex[];
  /** The unique, primary-key and exclusion constraints the call adds to an existing table. */
  constraints(call: Call, method: string): DescribedConstraint[] | undefined;
  /** The table a `createTable` / `createTableIfNotExists` call creates, when the library has a form of its own. */
  createdTable(call: Call, method: string): TableRef | undefined;
}

/** An index described through a library call: what is known of it statically. */
export interface DescribedIndex {
  /** Where to report: the call or object that creates the index. */
  node: TSESTree.Node;
  /** The index name the database will get (given or the library's default), when known. */
  name: string | undefined;
  table: TableRef;
  /** Column names or SQL expressions; undefined when not static. */
  columns: string[] | undefined;
  unique: boolean;
  /** `concurrently: true` (node-pg-migrate, Sequelize). */
  concurrent?: boolean;
  method?: string | undefined;
  /** A static WHERE predicate; `null` when there is a predicate that cannot be read statically. */
  where?: string | null | undefined;
  include?: string[] | undefined;
}

/** An index-building constraint added through a library call. */
export interface DescribedConstraint {
  node: TSESTree.Node;
  type: ConstraintType;
  /** The constraint's name (given or the library's default), when known. */
  name: string | undefined;
  table: TableRef;
  columns: string[] | undefined;
}

/** Methods that create a table, in every library that has one. */
export const CREATE_TABLE_METHODS: ReadonlySet<string> = new Set(['createTable', 'createTableIfNotExists']);
