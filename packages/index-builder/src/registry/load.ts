import { readFile } from 'node:fs/promises';
import { extname, relative, resolve } from 'node:path';
import type { ProblemCode } from '@index-builder/sql-core/registry';
import type { RegistryEntry, RegistryProblem } from '@index-builder/sql-core/registry';
import { readJsonRegistry } from './json-registry.ts';
import { entryLinesInScript } from './locate.ts';
import type { NotPlainValue } from './plain-data.ts';
import { runInSandbox } from './sandbox.ts';
import { validateRegistry } from '@index-builder/sql-core/registry';
import { loadParser } from '@index-builder/sql-core';
import { parseDuration } from '../util/duration.ts';

const REGISTRY_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json', '.yaml', '.yml'];

/** How long a .ts/.js registry may take to load: `--registry-timeout`, else $INDEX_BUILDER_REGISTRY_TIMEOUT, else 60 s. */
const DEFAULT_REGISTRY_TIMEOUT_MS = 60_000;

export interface LoadOptions {
  /** The deadline for a .ts/.js registry to load, in milliseconds; 0 for none. */
  timeoutMs?: number | undefined;
  /** Aborted on SIGINT/SIGTERM: loading stops at once and loadRegistry rejects with RegistryLoadStopped. */
  signal?: AbortSignal | undefined;
}

export interface LoadedRegistry {
  /** The registry path as shown in messages: relative to the working directory. */
  file: string;
  entries: RegistryEntry[];
  problems: RegistryProblem[];
}

/** Loads and validates a registry file. Never throws for a bad file: every problem comes back as `file:line`. */
export async function loadRegistry(path: string, options: LoadOptions = {}): Promise<LoadedRegistry> {
  const absolute = resolve(path);
  const file = relative(process.cwd(), absolute) || absolute;
  const problem = (code: ProblemCode, message: string, fix?: string, line = 1): LoadedRegistry => ({
    file,
    entries: [],
    problems: [{ code, location: { file, line }, message, ...(fix ? { fix } : {}) }],
  });

  const extension = extname(absolute).toLowerCase();
  if (!REGISTRY_EXTENSIONS.includes(extension)) {
    return problem('unsupported-file-type', `unsupported registry file type "${extension || '(none)'}"`, `use ${REGISTRY_EXTENSIONS.join(' ')}`);
  }
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return problem('file-not-found', 'registry file not found', 'pass its path with --registry, or write one with index-builder import');
    return problem('file-unreadable', `cannot read the registry: ${code ?? String(error)}`);
  }

  if (extension === '.json') {
    const json = readJsonRegistry(text);
    if ('error' in json) return problem('file-syntax', json.error.message, json.error.fix, json.error.line);
    const { entries, problems } = validateRegistry(json.value, file, (i, key) => (key && json.keyLines[i]?.get(key)) || json.lines[i] || 1);
    return { file, entries, problems };
  }
  if (extension === '.yaml' || extension === '.yml') {
    const { dataOf, MAX_YAML_ALIASES, parseDataRegistry } = await import('./yaml-registry.ts');
    const { doc, lines, keyLines, lineCounter } = parseDataRegistry(text);
    const syntaxError = doc.errors[0];
    if (syntaxError) {
      return problem('file-syntax', `not valid YAML: ${firstLine(syntaxError.message)}`, undefined, syntaxError.linePos?.[0]?.line ?? 1);
    }
    const data = dataOf(doc, lineCounter);
    if ('tooManyAliases' in data) {
      const { line, alias } = data.tooManyAliases;
      return problem(
        'too-many-aliases',
        `the YAML expands its aliases more than ${MAX_YAML_ALIASES.toLocaleString('en-US')} times (a "billion laughs" document), starting with *${alias}`,
        'write the entries out, with fewer aliases',
        line,
      );
    }
    const { entries, problems } = validateRegistry(data.value, file, (i, key) => (key && keyLines[i]?.get(key)) || lines[i] || 1);
    return { file, entries, problems };
  }

  const loading = runInSandbox(absolute, { timeoutMs: options.timeoutMs ?? timeoutFromEnvironment(), signal: options.signal });
  // Validation needs the parser: this thread loads it while the registry's thread starts and runs the module.
  loadParser();
  const outcome = await loading;
  if ('stopped' in outcome) {
    if (!outcome.timedOut) return problem('load-failed', outcome.stopped);
    return problem('load-timeout', outcome.stopped, 'make it finish (no promise that never settles, no endless loop), or raise --registry-timeout');
  }
  if ('threw' in outcome) {
    const error = outcome.threw;
    return problem('load-failed', `cannot load the registry: ${firstLine(error.message)}`, undefined, errorLine(error, absolute));
  }
  const exported = outcome.loaded;
  if ('notArray' in exported) return { file, ...validateRegistry(standIn(exported.notArray), file, () => entryLinesInScript(text, [])[0] ?? 1) };
  const names = exported.entries.map((entry) => (entry as { name?: unknown } | null)?.name);
  const lines = entryLinesInScript(text, names);
  const locate = (i: number) => lines[i] ?? lines[0] ?? 1;
  const { entries, problems } = validateRegistry(exported.entries, file, locate);
  if (exported.notPlain.length === 0) return { file, entries, problems };
  // An entry holding a function (or a symbol, a bigint) is reported for that, not for the value it lacks once copied.
  const notPlainEntries = new Set(exported.notPlain.map((value) => value.entry));
  return {
    file,
    entries,
    problems: [
      ...exported.notPlain.map((value) => notPlainProblem(value, exported.entries[value.entry], file, locate(value.entry))),
      ...problems.filter((found) => found.entry === undefined || !notPlainEntries.has(found.entry)),
    ].sort((a, b) => a.location.line - b.location.line),
  };
}

function notPlainProblem(value: NotPlainValue, entry: unknown, file: string, line: number): RegistryProblem {
  const name = (entry as { name?: unknown } | undefined)?.name;
  const label = typeof name === 'string' && name !== '' ? name : `entry ${value.entry + 1}`;
  const what = value.field === undefined ? `the entry is ${value.what}` : `"${value.field}" is ${value.what}`;
  return {
    code: 'not-plain-data',
    ...(value.field === undefined ? {} : { field: value.field }),
    location: { file, line },
    entry: value.entry,
    message: `${label}: ${what}; a registry exports plain data`,
    fix: 'write the value itself (a string, true or false), computed before the export',
  };
}

/** A value of the kind the registry exported instead of an array, for validation to name (only its type crossed). */
function standIn(type: string): unknown {
  const values: Record<string, unknown> = {
    null: null,
    function: () => {},
    symbol: Symbol(),
    bigint: 0n,
    object: {},
    string: '',
    number: 0,
    boolean: false,
  };
  return values[type];
}

function timeoutFromEnvironment(): number {
  const text = process.env.INDEX_BUILDER_REGISTRY_TIMEOUT;
  if (!text) return DEFAULT_REGISTRY_TIMEOUT_MS;
  try {
    return parseDuration(text);
  } catch {
    return DEFAULT_REGISTRY_TIMEOUT_MS;
  }
}

function firstLine(message: string): string {
  const line =
    message
      .split('\n')
      .find((text) => text.trim() !== '')
      ?.trim() ?? message;
  return line.replace(/^(?:[A-Z]\w*)?Error: /, '');
}

/** The registry line an import error points at, when its stack or message names one. */
function errorLine(error: { message: string; stack: string }, absolute: string): number {
  const text = `${error.message}\n${error.stack}`;
  const escaped = absolute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}(?:\\?[^:]*)?:(\\d+)`).exec(text) ?? /\((\d+):\d+\)/.exec(text);
  return match ? Number(match[1]) : 1;
}
