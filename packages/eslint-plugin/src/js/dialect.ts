// Code that runs only on another database. Projects branch per database: `if (client === 'sqlite3')`,
// `switch (knex.client.config.client)`, TypeORM's `queryRunner.connection.options.type`, Sequelize's
// `queryInterface.sequelize.getDialect()`, `const isMySQL = env.DB_CLIENT === 'mysql'`, early returns
// (`if (dialect !== 'postgres') return;`), ternaries and `&&`. Each condition on the way to a node is evaluated as if
// the database were PostgreSQL (three-valued: true, false, unknown); a node that a false condition guards cannot run
// on PostgreSQL. Anything the analysis cannot tell stays checked.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { leaves } from './ast.ts';
import { calledOnlyFrom, lookupVariable, predicateBody } from './dialect-calls.ts';
import { staticString } from './static-values.ts';
import { ESCAPE } from './text-sql.ts';

type Node = TSESTree.Node;
export type GetScope = (node: Node) => TSESLint.Scope.Scope;
/** A condition's value when the database is PostgreSQL: true, false, or unknown. */
type Truth = boolean | undefined;

/** The names a set of migration libraries give PostgreSQL and the other databases. */
export interface DialectNames {
  readonly postgres: readonly string[];
  readonly others: readonly string[];
}

/** The names of every library, gathered for the guards. */
export interface DatabaseNames {
  readonly postgres: ReadonlySet<string>;
  readonly others: ReadonlySet<string>;
  /** What a file must say for any condition in it to be told apart (see mentionsDialect). */
  readonly mention: RegExp;
}

/** Names of PostgreSQL's drivers that projects also give their database (`DB_CLIENT=pg-native`). */
const POSTGRES_DRIVERS = ['pg', 'pg-native', 'pglite'];

export function databaseNames(libraries: readonly DialectNames[]): DatabaseNames {
  const postgres = new Set([...POSTGRES_DRIVERS, ...libraries.flatMap((names) => names.postgres)]);
  const others = new Set(libraries.flatMap((names) => names.others));
  return { postgres, others, mention: dialectMention([...postgres, ...others]) };
}

/** Expressions whose value names the database. */
const DIALECT_TEXT = /dialect|client|driver|\btype\b|engine|database|\bdb/i;
const DIALECT_FLAG = /^is_?(postgres(?:ql)?|pg|sqlite3?|mysql|maria(?:db)?|mssql|oracle|sqlserver)$/i;
/** Words that name another database in a variable, property or export name (`sql_sqlite`, `mysqlQuery`). */
const OTHER_DIALECT_WORDS = new Set(['sqlite', 'sqlite3', 'mysql', 'mysql2', 'mariadb', 'mssql', 'sqlserver', 'oracle', 'tsql']);

/**
 * What a file must say for any condition in it to be told apart (see mentionsDialect): a database's name as a whole
 * string, a name or flag built on one, or `instanceof` (driver classes).
 */
function dialectMention(names: readonly string[]): RegExp {
  return new RegExp(
    [
      'instanceof',
      'is_?(?:pg|postgres|sqlite|mysql|maria|mssql|oracle|sqlserver)',
      ...OTHER_DIALECT_WORDS,
      `(['"\`])(?:${names.map((name) => name.replace(/[-.]/g, '\\$&')).join('|')})\\1`,
    ].join('|'),
    'i',
  );
}

export class DialectGuards {
  /** Whether the analysis can find anything in this file; without it, every node runs on PostgreSQL as far as it can tell. */
  readonly #mentionsDialect: boolean;

  constructor(
    private readonly text: string,
    private readonly getScope: GetScope,
    private readonly names: DatabaseNames,
  ) {
    this.#mentionsDialect = mentionsDialect(text, names);
  }

  /** Functions whose call sites are being followed, so that recursion ends. */
  readonly #following = new Set<Node>();

  /**
   * True when `node` runs only when the database is not PostgreSQL: a false condition guards it, or it is inside a
   * function of this file that is only ever called from such places (`upMysql(knex)` in the MySQL branch).
   */
  excludesPostgres(node: Node): boolean {
    if (!this.#mentionsDialect) return false;
    for (let child: Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (this.#guardedOut(parent, child)) return true;
      if (this.#following.has(parent)) return false;
      this.#following.add(parent);
      try {
        if (calledOnlyFrom(parent, this.getScope, (call) => this.excludesPostgres(call), this.text)) return true;
      } finally {
        this.#following.delete(parent);
      }
    }
    return false;
  }

  #guardedOut(parent: Node, child: Node): boolean {
    switch (parent.type) {
      case 'IfStatement':
      case 'ConditionalExpression':
        if (child === parent.consequent) return this.truth(parent.test) === false;
        if (child === parent.alternate) return this.truth(parent.test) === true;
        return false;
      case 'LogicalExpression':
        if (child !== parent.right) return false;
        if (parent.operator === '&&') return this.truth(parent.left) === false;
        if (parent.operator === '||') return this.truth(parent.left) === true;
        return false;
      case 'SwitchCase':
        return parent.consequent.includes(child as TSESTree.Statement) && this.#caseTruth(parent) === false;
      case 'BlockStatement':
      case 'Program':
      case 'StaticBlock':
        return this.#returnedBefore(parent.body, child);
      case 'VariableDeclarator':
        return child === parent.init && namesOtherDialect(parent.id, this.names);
      case 'Property':
        return child === parent.value && !parent.computed && namesOtherDialect(parent.key, this.names);
      case 'AssignmentExpression':
        return (
          child === parent.right &&
          parent.left.type === 'MemberExpression' &&
          !parent.left.computed &&
          namesOtherDialect(parent.left.property, this.names)
        );
      default:
        return false;
    }
  }

  /** `if (cond) return;` (or a block ending in return/throw) before `child`, with cond true on PostgreSQL. */
  #returnedBefore(body: readonly Node[], child: Node): boolean {
    for (const statement of body) {
      if (statement === child) return false;
      if (statement.type === 'IfStatement' && !statement.alternate && leaves(statement.consequent) && this.truth(statement.test) === true) {
        return true;
      }
    }
    return false;
  }

  #caseTruth(switchCase: TSESTree.SwitchCase): Truth {
    const switchNode = switchCase.parent;
    if (!this.#namesDialect(switchNode.discriminant)) return undefined;
    const cases = switchNode.cases;
    const at = cases.indexOf(switchCase);
    // The labels that lead here: this case's and those that fall through into it.
    let first = at;
    while (first > 0 && !cases[first - 1]!.consequent.some(leaves)) first--;
    const truths = cases.slice(first, at + 1).map((c) => (c.test ? this.#nameTruth(labelName(c.test)) : this.#defaultTruth(cases)));
    return any(truths);
  }

  /** `default:` runs on PostgreSQL unless another case names it. */
  #defaultTruth(cases: readonly TSESTree.SwitchCase[]): Truth {
    return cases.some((c) => c.test && this.#nameTruth(labelName(c.test)) === true) ? false : undefined;
  }

  /** The condition's value when the database is PostgreSQL. */
  truth(node: Node, depth = 0): Truth {
    if (depth > 8) return undefined;
    switch (node.type) {
      case 'UnaryExpression':
        return node.operator === '!' ? not(this.truth(node.argument, depth + 1)) : undefined;
      case 'LogicalExpression': {
        const [left, right] = [this.truth(node.left, depth + 1), this.truth(node.right, depth + 1)];
        if (node.operator === '&&') return left === false || right === false ? false : left && right ? true : undefined;
        if (node.operator === '||') return left === true || right === true ? true : left === false && right === false ? false : undefined;
        return undefined;
      }
      case 'BinaryExpression':
        return this.#comparison(node);
      case 'CallExpression':
        return this.#includes(node) ?? this.#predicateTruth(node, depth);
      case 'Identifier':
        return flagTruth(node.name) ?? this.#constTruth(node, depth);
      case 'MemberExpression':
        return !node.computed && node.property.type === 'Identifier' ? flagTruth(node.property.name) : undefined;
      default:
        return undefined;
    }
  }

  #comparison(node: TSESTree.BinaryExpression): Truth {
    const { operator, left, right } = node;
    if (operator === 'instanceof') return right.type === 'Identifier' ? classTruth(right.name) : undefined;
    const negated = operator === '!==' || operator === '!=';
    if (!negated && operator !== '===' && operator !== '==') return undefined;
    const [value, other] = this.#nameTruth(labelName(right)) !== undefined ? [labelName(right), left] : [labelName(left), right];
    const truth = this.#nameTruth(value);
    if (truth === undefined || !this.#namesDialect(other)) return undefined;
    return negated ? not(truth) : truth;
  }

  /** `['pg', 'postgres'].includes(client)`, and `client.includes('pg')`, `client.startsWith('mysql')`. */
  #includes(node: TSESTree.CallExpression): Truth {
    const callee = node.callee;
    const [argument] = node.arguments;
    if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return undefined;
    if (!argument || argument.type === 'SpreadElement') return undefined;
    const method = callee.property.name;
    if (callee.object.type !== 'ArrayExpression') {
      if (method !== 'includes' && method !== 'startsWith') return undefined;
      return this.#namesDialect(callee.object) ? this.#nameTruth(staticString(argument)) : undefined;
    }
    if (method !== 'includes' || !this.#namesDialect(argument)) return undefined;
    return any(
      callee.object.elements.map((element) => (element && element.type !== 'SpreadElement' ? this.#nameTruth(labelName(element)) : undefined)),
    );
  }

  /** `isPg(knex)`, where `const isPg = (knex) => knex.client.config.client === 'pg'` is declared in the file. */
  #predicateTruth(node: TSESTree.CallExpression, depth: number): Truth {
    if (node.callee.type !== 'Identifier') return undefined;
    const variable = this.#variable(node.callee);
    const body = variable?.defs.length === 1 ? predicateBody(variable.defs[0]!) : undefined;
    return body ? this.truth(body, depth + 1) : undefined;
  }

  /** `const isMySQL = env.DB_CLIENT === 'mysql' || ...`, used as a condition. */
  #constTruth(node: TSESTree.Identifier, depth: number): Truth {
    const variable = this.#variable(node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return undefined;
    return this.truth(def.node.init, depth + 1);
  }

  #variable(node: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
    return lookupVariable(this.getScope(node), node.name);
  }

  /** A database's name: true for PostgreSQL, false for another, unknown otherwise. */
  #nameTruth(name: string | undefined): Truth {
    if (name === undefined) return undefined;
    const lower = name.toLowerCase();
    if (this.names.postgres.has(lower)) return true;
    if (this.names.others.has(lower)) return false;
    return undefined;
  }

  #namesDialect(node: Node): boolean {
    return DIALECT_TEXT.test(this.text.slice(node.range[0], node.range[1]));
  }
}

/**
 * Whether a condition or a name in `text` can name a database at all. Each way the analysis decides is written in the
 * file: a whole-string name ('sqlite3', 'pg') for comparisons, includes(), switch cases and local predicates; a flag
 * (`isMySQL`, `is_pg`); a driver class after `instanceof`; a value named for another database (`sql_sqlite`). An
 * escape could spell any of them: then the answer is yes.
 */
function mentionsDialect(text: string, names: DatabaseNames): boolean {
  return names.mention.test(text) || ESCAPE.test(text);
}

/**
 * `sql_sqlite`, `mysqlStatements`, `{ sqlite: ... }`: a value named for another database (Saltcorn exports `sql_pg`
 * and `sql_sqlite` side by side). A name that also says PostgreSQL (`pgOrMysql`) is not.
 */
function namesOtherDialect(node: Node, names: DatabaseNames): boolean {
  const name = node.type === 'Identifier' ? node.name : node.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
  if (!name) return false;
  const words = name.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).map((word) => word.toLowerCase());
  return words.some((word) => OTHER_DIALECT_WORDS.has(word)) && !words.some((word) => names.postgres.has(word));
}

/**
 * A database's name as a value: a string, or a member of an enum or constant object, named for the database
 * (`DatabaseTypeEnum.sqlite`, `DbType.betterSqlite3`, `Dialect.MYSQL`), wherever the enum is declared.
 */
function labelName(node: Node): string | undefined {
  const text = staticString(node);
  if (text !== undefined) return text;
  if (node.type !== 'MemberExpression' || node.computed || node.property.type !== 'Identifier') return undefined;
  return node.property.name.replace(/(?<=[a-z])(?=[A-Z])/g, '-');
}

function flagTruth(name: string): Truth {
  const match = DIALECT_FLAG.exec(name)?.[1];
  return match ? /^(postgres|pg)/i.test(match) : undefined;
}

/** `driver instanceof PostgresDriver`, `... instanceof SqliteDriver`. */
function classTruth(name: string): Truth {
  if (/postgres/i.test(name)) return true;
  if (/sqlite|mysql|maria|sqlserver|mssql|oracle|spanner|sap|mongo/i.test(name)) return false;
  return undefined;
}

function not(truth: Truth): Truth {
  return truth === undefined ? undefined : !truth;
}

function any(truths: readonly Truth[]): Truth {
  if (truths.includes(true)) return true;
  return truths.length > 0 && truths.every((truth) => truth === false) ? false : undefined;
}
