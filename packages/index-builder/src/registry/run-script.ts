// Runs a .ts/.js registry and returns what it exports. `import ... from 'index-builder'` resolves to this package's
// own public module, so a registry works in a repository that never installed the package (the bundled Action, npx).
// Most .ts registries are JavaScript already (no type annotations): such a file is first imported as JavaScript,
// with no transform at all, which is what lets a 50,000-entry registry load in a fraction of the memory. Where that
// fails to parse, Node.js's own type stripping runs it (22.18+, 23.6+, 24: the Action's node24); jiti, the large
// fallback, is loaded only on older runtimes or for what stripping cannot run (enums, extensionless imports).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as nodeModule from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Errors of Node's loader that jiti gets past: TypeScript-only syntax, and imports without a file extension. */
const JITI_CAN_LOAD = new Set([
  'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX',
  'ERR_MODULE_NOT_FOUND',
  'ERR_UNSUPPORTED_DIR_IMPORT',
  'ERR_UNKNOWN_FILE_EXTENSION',
]);

export async function runRegistryScript(absolute: string): Promise<unknown> {
  // From the TypeScript sources (tests), jiti runs this module and its import() too: there jiti loads every registry.
  if (isTypeScript(absolute) && runningBundled()) {
    const source = await readFile(absolute, 'utf8');
    const asJavaScript = mayRunAsJavaScript(source) ? javaScriptImport(absolute, source) : undefined;
    if (asJavaScript) {
      try {
        return await asJavaScript();
      } catch (error) {
        if (!notJavaScript(error)) throw error;
      }
    }
  }
  if (canImportNatively(absolute)) {
    try {
      return await importNatively(absolute);
    } catch (error) {
      if (!JITI_CAN_LOAD.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
  }
  return importWithJiti(absolute);
}

/** The query parameter of a .ts registry's URL that has the load hook hand it to Node as a JavaScript module. */
const AS_JAVASCRIPT = 'index-builder-javascript';

type LoadResult = { format?: string | null; source?: unknown };
type RegisterHooks = (hooks: {
  resolve: (specifier: string, context: unknown, next: (specifier: string, context: unknown) => unknown) => unknown;
  load?: (url: string, context: object, next: (url: string, context: object) => LoadResult) => LoadResult;
}) => unknown;

const registerHooks = (nodeModule as { registerHooks?: RegisterHooks }).registerHooks;

function isTypeScript(absolute: string): boolean {
  return /^\.m?ts$/.test(extname(absolute).toLowerCase());
}

/**
 * Whether a .ts registry's text may be run as JavaScript as it is. Not when it looks like CommonJS (the attempt
 * imports it as an ES module), nor when it may hold a generic call such as `defineIndexes<typeof x>([...])`, which
 * JavaScript would parse, as comparisons, into something else. Type annotations make the attempt a SyntaxError.
 */
function mayRunAsJavaScript(source: string): boolean {
  return !/\brequire\s*\(|\bmodule\.exports\b|\bexports\.[\w$]/.test(source) && !/[\w$)\]]\s*<[^<>\n;]*>\s*[(`]/.test(source);
}

/**
 * Whether an import failed because the file, or one it imports, is not JavaScript as it is: a SyntaxError or an
 * import Node cannot resolve or load (found while linking, before any of it runs), or CommonJS's variables missing
 * from an ES module.
 */
function notJavaScript(error: unknown): boolean {
  const { name, message, code } = (error ?? {}) as Partial<NodeJS.ErrnoException>;
  if (name === 'SyntaxError' || JITI_CAN_LOAD.has(code ?? '')) return true;
  return name === 'ReferenceError' && /^(?:require|module|exports|__dirname|__filename) is not defined$/.test(String(message));
}

function canImportNatively(absolute: string): boolean {
  if (isTypeScript(absolute) || /^\.cts$/i.test(extname(absolute))) {
    if (!(process.features as { typescript?: string | false }).typescript) return false;
  }
  return aliasRegistered();
}

let registered: boolean | undefined;
let generation = 0;

/** Resolves `index-builder` to our public module from now on; false where module hooks are unavailable or refused. */
function aliasRegistered(): boolean {
  if (registered === undefined) {
    try {
      const publicModule = pathToFileURL(publicModulePath()).href;
      registerHooks!({
        resolve: (specifier, context, next) => (specifier === 'index-builder' ? { url: publicModule, shortCircuit: true } : next(specifier, context)),
        load: (url, context, next) =>
          url.includes(AS_JAVASCRIPT) ? { ...next(url, { ...context, format: 'module' }), format: 'module' } : next(url, context),
      });
      registered = true;
    } catch {
      // Older runtimes have no registerHooks; Jest refuses it (its sandbox has its own loader). jiti works in both.
      registered = false;
    }
  }
  return registered;
}

/** The same two hooks for runtimes without registerHooks (Node 20, 22 before 22.15), run by Node on a thread of their own. */
const ASYNC_HOOKS = `
export async function resolve(specifier, context, next) {
  return specifier === 'index-builder' ? { url: PUBLIC_MODULE, shortCircuit: true } : next(specifier, context);
}
export async function load(url, context, next) {
  if (!url.includes(${JSON.stringify(AS_JAVASCRIPT)})) return next(url, context);
  return { ...(await next(url, { ...context, format: 'module' })), format: 'module' };
}`;

/**
 * How to import a .ts registry as JavaScript here, if there is a way. With registerHooks, by its load hook. Without
 * it (Node 20), a small registry importing nothing but 'index-builder' runs from a data: URL, named after its file
 * for stack traces; others need module.register's hooks, whose thread costs about 90 ms, less than the data: URL's
 * copies of a large file (about 50 MB more at 50,000 entries).
 */
function javaScriptImport(absolute: string, source: string): (() => Promise<unknown>) | undefined {
  if (aliasRegistered()) return () => importNatively(absolute, AS_JAVASCRIPT);
  if (source.length < DATA_URL_MAX_LENGTH && importsOnlyThePublicModule(source)) return () => importSelfContained(absolute, source);
  return javaScriptHooksRegistered() ? () => importNatively(absolute, AS_JAVASCRIPT) : undefined;
}

const DATA_URL_MAX_LENGTH = 1 << 20;
const MODULE_REFERENCE = /\b(?:from|import)\s*(['"])([^'"\n]*)\1|\bimport\s*[(.]/g;

function importsOnlyThePublicModule(source: string): boolean {
  for (const [, , specifier] of source.matchAll(MODULE_REFERENCE)) if (specifier !== 'index-builder') return false;
  return true;
}

async function importSelfContained(absolute: string, source: string): Promise<unknown> {
  const publicModule = JSON.stringify(pathToFileURL(publicModulePath()).href);
  const code = `${source.replace(MODULE_REFERENCE, (reference) => reference.replace(/(['"])index-builder\1/, publicModule))}
//# sourceURL=${pathToFileURL(absolute).href}?load=${++generation}`;
  const namespace = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { default?: unknown };
  return 'default' in namespace ? namespace.default : namespace;
}

let javaScriptHooks: boolean | undefined;

/** Whether module.register's hooks above are in place. */
function javaScriptHooksRegistered(): boolean {
  return (javaScriptHooks ??= registerJavaScriptHooks());
}

function registerJavaScriptHooks(): boolean {
  const register = (nodeModule as { register?: (specifier: string) => void }).register;
  if (!register) return false;
  try {
    const hooks = ASYNC_HOOKS.replace('PUBLIC_MODULE', JSON.stringify(pathToFileURL(publicModulePath()).href));
    register(`data:text/javascript,${encodeURIComponent(hooks)}`);
    return true;
  } catch {
    // Jest's sandbox has no module.register: jiti runs the registry there.
    return false;
  }
}

async function importNatively(absolute: string, query = ''): Promise<unknown> {
  // A fresh URL each time, so a registry edited since the last load in this process is read again.
  const namespace = (await import(`${pathToFileURL(absolute).href}?load=${++generation}${query && `&${query}`}`)) as { default?: unknown };
  return 'default' in namespace ? namespace.default : namespace;
}

let jitiModules: ReturnType<typeof loadJitiModules> | undefined;

function loadJitiModules() {
  return Promise.all([
    import('jiti'),
    import('./jiti-transform.ts'),
    import(pathToFileURL(publicModulePath()).href) as Promise<Record<string, unknown>>,
  ]);
}

/**
 * Puts in place now what a .ts registry needs to be imported as JavaScript where registerHooks does it: the
 * registry's worker thread calls it while it waits to be told which file to run. jiti is loaded only for a registry
 * that is not JavaScript as it is.
 */
export function prepareForTypeScript(): void {
  aliasRegistered();
}

async function importWithJiti(absolute: string): Promise<unknown> {
  // With our own transform, jiti never loads its bundled Babel, which the bundler therefore leaves out.
  const [{ createJiti }, { explainSyntaxError, registryTransform }, publicModule] = await (jitiModules ??= loadJitiModules());
  const jiti = createJiti(import.meta.url, {
    transform: registryTransform,
    // Our public module as it is, not transformed again: it is already JavaScript (or TypeScript Jest compiles).
    virtualModules: { 'index-builder': publicModule },
    moduleCache: false,
    fsCache: false,
    interopDefault: true,
  });
  try {
    return await jiti.import(absolute, { default: true });
  } catch (error) {
    // By name: the error may come from another realm (jiti runs the code in a vm script).
    if ((error as Error | undefined)?.name === 'SyntaxError') explainSyntaxError(absolute, await readFile(absolute, 'utf8'));
    throw error;
  }
}

/** Next to the bundle (dist/registry.js) when running bundled; the TypeScript source when running from src/. */
function publicModulePath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return runningBundled() ? join(here, 'registry.js') : join(here, 'index.ts');
}

function runningBundled(): boolean {
  return existsSync(join(dirname(fileURLToPath(import.meta.url)), 'registry.js'));
}
