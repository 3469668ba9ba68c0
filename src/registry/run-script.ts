// Runs a .ts/.js registry and returns what it exports. `import ... from 'index-builder'` resolves to this package's
// own public module, so a registry works in a repository that never installed the package (the bundled Action, npx).
// Node.js's own type stripping does it where the runtime has it (22.18+, 23.6+, 24: the Action's node24); jiti, the
// large fallback, is loaded only on older runtimes or for what stripping cannot run (enums, extensionless imports).
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
  if (canImportNatively(absolute)) {
    try {
      return await importNatively(absolute);
    } catch (error) {
      if (!JITI_CAN_LOAD.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
  }
  return importWithJiti(absolute);
}

type RegisterHooks = (hooks: {
  resolve: (specifier: string, context: unknown, next: (specifier: string, context: unknown) => unknown) => unknown;
}) => unknown;

const registerHooks = (nodeModule as { registerHooks?: RegisterHooks }).registerHooks;

function canImportNatively(absolute: string): boolean {
  const typescript = /^\.[mc]?ts$/.test(extname(absolute).toLowerCase());
  if (typescript && !(process.features as { typescript?: string | false }).typescript) return false;
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
      });
      registered = true;
    } catch {
      // Older runtimes have no registerHooks; Jest refuses it (its sandbox has its own loader). jiti works in both.
      registered = false;
    }
  }
  return registered;
}

async function importNatively(absolute: string): Promise<unknown> {
  // A fresh URL each time, so a registry edited since the last load in this process is read again.
  const namespace = (await import(`${pathToFileURL(absolute).href}?load=${++generation}`)) as { default?: unknown };
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
 * Loads now what a .ts registry will need where Node cannot strip types (Node 20): the registry's worker thread
 * calls it while it waits to be told which file to run.
 */
export function prepareForTypeScript(): void {
  if ((process.features as { typescript?: string | false }).typescript) return;
  jitiModules ??= loadJitiModules();
  jitiModules.catch(() => (jitiModules = undefined));
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
  const bundled = join(here, 'registry.js');
  return existsSync(bundled) ? bundled : join(here, 'index.ts');
}
