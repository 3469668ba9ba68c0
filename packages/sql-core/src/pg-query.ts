// libpg-query's WebAssembly, loaded synchronously on first use (no top-level await, so the ESLint plugin can be
// require()d from CommonJS and ESLint's synchronous `parse` can call it). libpg-query's Emscripten glue is async
// even when handed a compiled module, so it runs in a vm context whose microtasks drain as soon as the script
// returns (`microtaskMode: 'afterEvaluate'`): by then the runtime is initialised.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

/** The slice of the Emscripten module the parser calls. */
interface PgQueryWasm {
  _malloc(size: number): number;
  _free(pointer: number): void;
  _wasm_parse_query_raw(query: number): number;
  _wasm_free_parse_result(result: number): void;
  _wasm_scan(query: number): number;
  _wasm_free_string(pointer: number): void;
  getValue(pointer: number, type: 'i32'): number;
  UTF8ToString(pointer: number): string;
  /** The WASM memory; replaced when the memory grows, so read it after allocating. */
  HEAPU8: Uint8Array;
}

const GLUE = 'libpg-query.js';
const WASM = 'libpg-query.wasm';

/** The bundles ship the glue and the WASM beside them; from source, they come from node_modules. */
function locate(file: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, file);
  if (existsSync(beside)) return beside;
  return createRequire(import.meta.url).resolve(`libpg-query/wasm/${file}`);
}

/** Whether the user chose V8's WebAssembly tiers themselves (then we leave them alone). */
function wasmTiersChosen(): boolean {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => /liftoff|wasm-(?:dynamic-)?tier/.test(arg));
}

/**
 * Runs the parser on V8's baseline tier (Liftoff) only. Otherwise V8 recompiles the parser's hot functions with its
 * optimising tier on background threads: the grammar's one giant function alone takes 0.5–1 s and about 600 MB
 * there, and Node waits for those compilations before the process exits, on every run, for more than the
 * optimised code ever wins back on a registry's statements. The flags stay set for the rest of the process: V8
 * reads them when a function gets hot, long after the module is compiled (Node 22+ ignored them once they were
 * reset after compiling). They are the ones `--liftoff-only` implies on the command line, where V8 applies
 * implications; v8.setFlagsFromString does not, so each is named.
 */
function baselineTierOnly<T>(compile: () => T): T {
  if (!wasmTiersChosen()) v8.setFlagsFromString('--liftoff-only --no-wasm-tier-up --no-wasm-dynamic-tiering');
  return compile();
}

function load(): PgQueryWasm {
  const gluePath = locate(GLUE);
  const wasm = new WebAssembly.Module(readFileSync(locate(WASM)));
  const cjs = { exports: {} as unknown };
  const sandbox: Record<string, unknown> = {
    module: cjs,
    exports: cjs.exports,
    require: createRequire(gluePath),
    __filename: gluePath,
    __dirname: dirname(gluePath),
    process,
    console,
    setTimeout,
    clearTimeout,
    TextDecoder,
    TextEncoder,
    URL,
    performance,
    WebAssembly,
    result: {},
    instantiateWasm: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) => {
      done(new WebAssembly.Instance(wasm, imports));
      return {};
    },
  };
  const context = vm.createContext(sandbox, { microtaskMode: 'afterEvaluate' });
  vm.runInContext(readFileSync(gluePath, 'utf8'), context, { filename: gluePath });
  vm.runInContext('module.exports({ instantiateWasm }).then((m) => { result.module = m; }, (e) => { result.error = e; });', context);
  const result = sandbox.result as { module?: PgQueryWasm; error?: unknown };
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrown as the glue rejected: an Error of the vm's realm, which instanceof Error here cannot see
  if (result.error !== undefined) throw result.error;
  if (!result.module) throw new Error(`libpg-query did not initialise synchronously (${gluePath})`);
  return result.module;
}

let loaded: PgQueryWasm | undefined;

function pgQuery(): PgQueryWasm {
  return (loaded ??= baselineTierOnly(load));
}

/** Loads the parser now, e.g. while a registry loads in its worker thread, rather than at the first statement. */
export function loadParser(): void {
  pgQuery();
}

/** libpg-query's error, with PostgreSQL's 0-based cursor position (in characters) when it gave one. */
export interface PgQueryError extends Error {
  sqlDetails?: { message: string; cursorPosition?: number };
}

function withString<T>(text: string, use: (pointer: number) => T): T {
  const pg = pgQuery();
  // Node's UTF-8 encoder rather than the glue's per-character JavaScript loop (the registry parses 10,000 entries).
  const bytes = Buffer.from(text, 'utf8');
  const pointer = pg._malloc(bytes.length + 1);
  try {
    const heap = pg.HEAPU8;
    heap.set(bytes, pointer);
    heap[pointer + bytes.length] = 0;
    return use(pointer);
  } finally {
    pg._free(pointer);
  }
}

/** libpg-query's `parseSync`: the parse tree as JSON, or a {@link PgQueryError}. */
export function parseQuery(query: string): unknown {
  const pg = pgQuery();
  return withString<unknown>(query, (queryPointer) => {
    const result = pg._wasm_parse_query_raw(queryPointer);
    if (!result) throw new Error('Failed to parse query: memory allocation failed');
    try {
      const tree = pg.getValue(result, 'i32');
      const error = pg.getValue(result + 8, 'i32');
      if (error) {
        const messagePointer = pg.getValue(error, 'i32');
        const cursor = pg.getValue(error + 16, 'i32');
        const message = messagePointer ? pg.UTF8ToString(messagePointer) : 'Unknown error';
        const failure = new Error(message) as PgQueryError;
        failure.sqlDetails = { message, cursorPosition: cursor > 0 ? cursor - 1 : 0 };
        throw failure;
      }
      if (!tree) throw new Error('No parse tree generated');
      return JSON.parse(pg.UTF8ToString(tree));
    } finally {
      pg._wasm_free_parse_result(result);
    }
  });
}

/** libpg-query's `scanSync`: PostgreSQL's tokens of `query`. */
export function scanQuery(query: string): unknown {
  const pg = pgQuery();
  return withString<unknown>(query, (queryPointer) => {
    const result = pg._wasm_scan(queryPointer);
    try {
      const text = pg.UTF8ToString(result);
      if (text.startsWith('syntax error') || text.startsWith('deparse error') || text.startsWith('ERROR')) {
        throw new Error(text);
      }
      return JSON.parse(text);
    } finally {
      if (result) pg._wasm_free_string(result);
    }
  });
}
