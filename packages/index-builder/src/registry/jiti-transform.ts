// The transform jiti runs on a registry where Node.js cannot strip types itself. jiti's own default is its bundled
// Babel (1.5 MB); Sucrase (about 0.3 MB bundled) does what a registry needs: TypeScript out, ES modules to the
// CommonJS that jiti evaluates inside `function (exports, require, module, __filename, __dirname, jitiImport, ...)`.
// Not supported: decorators (a registry has no classes to decorate) and JSX; they fail with one line naming the line.
import { Script } from 'node:vm';
import type { TransformOptions, TransformResult } from 'jiti';
import { transform } from 'sucrase';

/** `import.meta` has no meaning in CommonJS: what a module can ask of it, from the wrapper's own variables. */
const IMPORT_META = "({ url: require('node:url').pathToFileURL(__filename).href, filename: __filename, dirname: __dirname })";

export function registryTransform(options: TransformOptions): TransformResult {
  const { code } = transform(options.source, {
    transforms: options.ts ? ['typescript', 'imports'] : ['imports'],
    // Line numbers stay those of the source, so an error's line points into the registry.
    production: true,
  });
  return { code: code.replace(/\bimport\.meta\b/g, IMPORT_META) };
}

/**
 * After jiti failed with a SyntaxError: compiles the registry's own transformed code once more, to throw the error
 * with its line (below). Only then: compiling every registry twice cost 0.7 s at 50,000 entries.
 */
export function explainSyntaxError(filename: string, source: string): void {
  const { code } = registryTransform({ source, filename, ts: /\.[mc]?ts$/i.test(filename) });
  assertCompiles(code, filename);
}

/**
 * What Sucrase passes through but cannot run (decorators, JSX) fails here with `(line:column)` in the message, as
 * Sucrase's own syntax errors have it, rather than later inside jiti as a bare "Invalid or unexpected token".
 */
function assertCompiles(code: string, filename = 'registry'): void {
  try {
    new Script(`(async function (exports, require, module, __filename, __dirname) { ${code}\n});`, { filename });
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
