import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RegistryEntry, RegistryProblem } from './types.ts';
import { readJsonRegistry } from './json-registry.ts';
import { entryLinesInScript, parseDataRegistry } from './locate.ts';
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
  const problem = (message: string, line = 1): LoadedRegistry => ({
    file,
    entries: [],
    problems: [{ location: { file, line }, message }],
  });

  const extension = extname(absolute).toLowerCase();
  if (!REGISTRY_EXTENSIONS.includes(extension)) {
    return problem(`unsupported registry file type "${extension || '(none)'}"; use ${REGISTRY_EXTENSIONS.join(' ')}`);
  }
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return problem(code === 'ENOENT' ? 'registry file not found' : `cannot read the registry: ${code ?? String(error)}`);
  }

  const json = extension === '.json' ? readJsonRegistry(text) : undefined;
  if (json) {
    const { entries, problems } = validateRegistry(json.value, file, (i) => json.lines[i] ?? 1);
    return { file, entries, problems };
  }
  if (extension === '.json' || extension === '.yaml' || extension === '.yml') {
    const { doc, lines } = parseDataRegistry(text);
    const syntaxError = doc.errors[0];
    if (syntaxError) return problem(`not valid ${extension === '.json' ? 'JSON' : 'YAML'}: ${firstLine(syntaxError.message)}`, syntaxError.linePos?.[0]?.line ?? 1);
    const { entries, problems } = validateRegistry(doc.toJS(), file, (i) => lines[i] ?? 1);
    return { file, entries, problems };
  }

  let exported: unknown;
  try {
    exported = await importScript(absolute);
  } catch (error) {
    return problem(`cannot load the registry: ${firstLine(error instanceof Error ? error.message : String(error))}`, errorLine(error, absolute));
  }
  const names = Array.isArray(exported) ? exported.map((entry) => (entry as { name?: unknown } | null)?.name) : [];
  const lines = entryLinesInScript(text, names);
  const { entries, problems } = validateRegistry(exported, file, (i) => lines[i] ?? lines[0] ?? 1);
  return { file, entries, problems };
}

/**
 * Runs a .ts/.js registry with jiti. `import ... from 'index-builder'` is aliased to this package's own public module,
 * so a registry works in a repository that never installed the package (the bundled Action, `npx`).
 */
async function importScript(absolute: string): Promise<unknown> {
  // jiti/static imports its TypeScript transform statically, so the bundler can include it; loaded only when needed.
  const { createJiti } = await import('jiti/static');
  const jiti = createJiti(import.meta.url, {
    alias: { 'index-builder': publicModulePath() },
    moduleCache: false,
    fsCache: false,
    interopDefault: true,
  });
  return jiti.import(absolute, { default: true });
}

/** Next to the bundle (dist/registry.js) when running bundled; the TypeScript source when running from src/. */
function publicModulePath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'registry.js');
  return existsSync(bundled) ? bundled : join(here, 'index.ts');
}

function firstLine(message: string): string {
  const line = message.split('\n').find((text) => text.trim() !== '')?.trim() ?? message;
  return line.replace(/^(?:[A-Z]\w*)?Error: /, '');
}

/** The registry line an import error points at, when its stack or message names one. */
function errorLine(error: unknown, absolute: string): number {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : '';
  const escaped = absolute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+)`).exec(text) ?? /\((\d+):\d+\)/.exec(text);
  return match ? Number(match[1]) : 1;
}
