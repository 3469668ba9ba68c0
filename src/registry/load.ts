import { readFile } from 'node:fs/promises';
import { extname, relative, resolve } from 'node:path';
import type { ProblemCode } from './problems.ts';
import type { RegistryEntry, RegistryProblem } from './types.ts';
import { readJsonRegistry } from './json-registry.ts';
import { entryLinesInScript } from './locate.ts';
import { runRegistryScript } from './run-script.ts';
import { validateRegistry } from './validate.ts';

export const REGISTRY_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json', '.yaml', '.yml'];

export interface LoadedRegistry {
  /** The registry path as shown in messages: relative to the working directory. */
  file: string;
  entries: RegistryEntry[];
  problems: RegistryProblem[];
}

/** Loads and validates a registry file. Never throws for a bad file: every problem comes back as `file:line`. */
export async function loadRegistry(path: string): Promise<LoadedRegistry> {
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
    const { parseDataRegistry } = await import('./yaml-registry.ts');
    const { doc, lines, keyLines } = parseDataRegistry(text);
    const syntaxError = doc.errors[0];
    if (syntaxError) {
      return problem('file-syntax', `not valid YAML: ${firstLine(syntaxError.message)}`, undefined, syntaxError.linePos?.[0]?.line ?? 1);
    }
    const { entries, problems } = validateRegistry(doc.toJS(), file, (i, key) => (key && keyLines[i]?.get(key)) || lines[i] || 1);
    return { file, entries, problems };
  }

  let exported: unknown;
  try {
    exported = await runRegistryScript(absolute);
  } catch (error) {
    return problem(
      'load-failed',
      `cannot load the registry: ${firstLine(error instanceof Error ? error.message : String(error))}`,
      undefined,
      errorLine(error, absolute),
    );
  }
  const names = Array.isArray(exported) ? exported.map((entry) => (entry as { name?: unknown } | null)?.name) : [];
  const lines = entryLinesInScript(text, names);
  const { entries, problems } = validateRegistry(exported, file, (i) => lines[i] ?? lines[0] ?? 1);
  return { file, entries, problems };
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
function errorLine(error: unknown, absolute: string): number {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : '';
  const escaped = absolute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}(?:\\?[^:]*)?:(\\d+)`).exec(text) ?? /\((\d+):\d+\)/.exec(text);
  return match ? Number(match[1]) : 1;
}
