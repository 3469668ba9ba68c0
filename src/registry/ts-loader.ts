// Runs a registry where Node.js cannot strip types itself (Node 20; enums, extensionless imports on any runtime).
// Each of the registry's own files goes through Sucrase (TypeScript out, ES modules to CommonJS) and runs inside
// `function (exports, require, module, __filename, __dirname)`, whose `require` resolves the registry's relative
// imports (with or without an extension), `index-builder` to our public module, and anything else (node: modules,
// packages) through Node's own require. A general loader such as jiti does this too, but costs 20 ms of start-up
// on every run for features a registry does not use. Not supported: decorators (a registry has no classes to
// decorate) and JSX; they fail with one line naming the line.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { Script } from 'node:vm';
import { transform } from 'sucrase';

/** What a relative import may leave out, in the order they are tried; then the same after `/index`. */
const EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'];

/** `import.meta` has no meaning in CommonJS: what a module can ask of it, from the wrapper's own variables. */
const IMPORT_META = "({ url: require('node:url').pathToFileURL(__filename).href, filename: __filename, dirname: __dirname })";

type ModuleFunction = (
  exports: unknown,
  require: (specifier: string) => unknown,
  module: { exports: unknown },
  filename: string,
  dirname: string,
) => unknown;

/** Runs `absolute` and resolves to its default export (or its exports when it has none). */
export async function importTypeScript(absolute: string, publicModule: Record<string, unknown>): Promise<unknown> {
  // One cache per load: a registry edited since the last load in this process is read again.
  const modules = new Map<string, { exports: unknown }>();

  const requireFrom = (from: string) => {
    const nodeRequire = createRequire(from);
    return (specifier: string): unknown => {
      if (specifier === 'index-builder') return publicModule;
      if (!/^(\.{1,2}(\/|$)|\/)/.test(specifier)) return nodeRequire(specifier);
      const file = resolveFile(resolve(dirname(from), specifier));
      if (!file) throw Object.assign(new Error(`Cannot find module '${specifier}' imported from ${from}`), { code: 'MODULE_NOT_FOUND' });
      return load(file, false).exports;
    };
  };

  /** Runs one file; the registry itself in an async wrapper, so it may await at its top level. */
  function load(file: string, root: boolean): { exports: unknown } {
    const cached = modules.get(file);
    if (cached) return cached;
    const module = { exports: {} as unknown };
    modules.set(file, module);
    const source = readFileSync(file, 'utf8');
    if (extname(file) === '.json') {
      module.exports = JSON.parse(source);
      return module;
    }
    const run = compile(transformed(source, file), file, root);
    const result = run.call(module.exports, module.exports, requireFrom(file), module, file, dirname(file));
    if (root) (module as { done?: unknown }).done = result;
    return module;
  }

  const module = load(absolute, true);
  await (module as { done?: unknown }).done;
  const exports = module.exports as Record<string, unknown> | null;
  return exports !== null && typeof exports === 'object' && 'default' in exports ? exports.default : exports;
}

/** The file an import names: as written, else with one of {@link EXTENSIONS}, else its `index` file. */
function resolveFile(path: string): string | undefined {
  const candidates = [path, ...EXTENSIONS.map((extension) => path + extension), ...EXTENSIONS.map((extension) => join(path, `index${extension}`))];
  // TypeScript's own convention: `./tables.js` names tables.ts.
  if (/\.[mc]?js$/.test(path)) candidates.push(path.replace(/js$/, 'ts'));
  return candidates.find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile());
}

function transformed(source: string, file: string): string {
  const { code } = transform(source, {
    transforms: /\.[mc]?ts$/.test(file) ? ['typescript', 'imports'] : ['imports'],
    // Line numbers stay those of the source, so an error's line points into the registry.
    production: true,
  });
  return code.replace(/\bimport\.meta\b/g, IMPORT_META);
}

/**
 * The module's function. What Sucrase passes through but cannot run (decorators, JSX) fails here with
 * `(line:column)` in the message, as Sucrase's own syntax errors have it, rather than a bare "Invalid or unexpected
 * token". The wrapper adds no line, so a stack's `file:line` is the source's line.
 */
function compile(code: string, filename: string, root: boolean): ModuleFunction {
  try {
    const script = new Script(`(${root ? 'async ' : ''}function (exports, require, module, __filename, __dirname) { ${code}\n})`, { filename });
    return script.runInThisContext() as ModuleFunction;
  } catch (error) {
    // By name: under Jest the error comes from another realm than this module's SyntaxError.
    if ((error as Error).name !== 'SyntaxError') throw error;
    const [, at, caret] = /:(\d+)\n.*\n( *\^)?/.exec((error as Error).stack ?? '') ?? [];
    const line = Number(at ?? 1);
    const text = code.split('\n')[line - 1] ?? '';
    const column = (caret?.indexOf('^') ?? text.search(/\S/)) + 1;
    const what = text.trim().startsWith('@') ? `decorators are not supported in a registry: ${text.trim()}` : (error as Error).message;
    throw new SyntaxError(`${what} (${line}:${Math.max(column, 1)})`);
  }
}
