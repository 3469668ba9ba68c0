// The fleet's databases: a targets file (YAML or JSON) or a repeated --database-url. A malformed file is one line
// naming the file, the line and the target; a target whose URL cannot be resolved (urlEnv naming an unset variable)
// is not an error of the file: it becomes that target's failure row when the fleet runs.
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { checkDatabaseUrl, DatabaseUrlError, describeTarget } from '../db/url.ts';
import type { Target } from './types.ts';

/** A targets file the fleet cannot run with; the message is one line naming the file, line and target. */
export class TargetsError extends Error {}

const TARGET_KEYS = ['name', 'url', 'urlEnv', 'group'];
const NAME = /^[A-Za-z0-9][\w.-]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads and checks a targets file; throws {@link TargetsError}. URLs come from the file or from `env`. */
export async function loadTargets(path: string, env: NodeJS.ProcessEnv): Promise<Target[]> {
  const file = relative(process.cwd(), resolve(path)) || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TargetsError(`${file}: ${code === 'ENOENT' ? 'targets file not found' : `cannot read the targets file: ${code ?? String(error)}`}`);
  }
  return parseTargets(text, file, env);
}

/** The same checks on the file's text (JSON is read as the YAML it also is, so both get line numbers). */
export function parseTargets(text: string, file: string, env: NodeJS.ProcessEnv): Target[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (node: Node | null | undefined) => lines.linePos(node?.range?.[0] ?? 0).line;
  const fail = (line: number, message: string): never => {
    throw new TargetsError(`${file}:${line}: ${message}`);
  };
  if (doc.errors[0]) fail(doc.errors[0].linePos?.[0]?.line ?? 1, `not valid YAML or JSON: ${doc.errors[0].message.split('\n')[0]}`);
  const root = doc.contents;
  if (!isMap(root)) return fail(1, 'expected `targets:` with a list of { name, url | urlEnv, group? }');
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (key !== 'targets') fail(lineOf(pair.key), `unknown key "${key}" (the file holds only \`targets:\`)`);
  }
  const list = root.get('targets', true);
  if (!isSeq(list) || list.items.length === 0) return fail(lineOf(root), '`targets:` must be a non-empty list of { name, url | urlEnv, group? }');

  const seen = new Map<string, number>();
  return list.items.map((item, i) => {
    const line = lineOf(item as Node);
    if (!isMap(item)) return fail(line, `target ${i + 1} must be a mapping { name, url | urlEnv, group? }`);
    const value = item.toJS(doc) as Record<string, unknown>;
    const label = typeof value.name === 'string' && value.name ? `target "${value.name}"` : `target ${i + 1}`;
    const problem = (message: string): never => fail(line, `${label}: ${message}`);
    for (const key of Object.keys(value)) {
      if (!TARGET_KEYS.includes(key)) problem(`unknown key "${key}" (expected ${TARGET_KEYS.join(', ')})`);
    }
    const { name, url, urlEnv, group } = value;
    if (typeof name !== 'string' || !NAME.test(name)) {
      problem('`name` must be letters, digits, "_", "." or "-", starting with a letter or digit (e.g. name: tenant-eu-1)');
    }
    const first = seen.get(name as string);
    if (first !== undefined) problem(`duplicate name (first at line ${first}); each target needs its own name`);
    seen.set(name as string, line);
    if (group !== undefined && (typeof group !== 'string' || group === '')) problem('`group` must be a non-empty string');
    if ((url === undefined) === (urlEnv === undefined)) {
      problem('give exactly one of `url` or `urlEnv` (urlEnv: TENANT_URL keeps the password out of the file)');
    }
    if (urlEnv !== undefined && (typeof urlEnv !== 'string' || !ENV_NAME.test(urlEnv)))
      problem('`urlEnv` must name an environment variable, e.g. urlEnv: TENANT_EU_1_URL');
    if (url !== undefined) {
      if (typeof url !== 'string') return problem('`url` must be a string');
      try {
        checkDatabaseUrl(url);
      } catch (error) {
        if (error instanceof DatabaseUrlError) problem(error.message);
        throw error;
      }
    }
    const base = { name: name as string, ...(group !== undefined ? { group: group as string } : {}) };
    return url !== undefined ? resolved(base, url) : fromEnv(base, urlEnv as string, env);
  });
}

/** `--database-url` given more than once: each URL is a target named `host:port/database`. */
export function targetsFromUrls(urls: readonly string[]): Target[] {
  const seen = new Set<string>();
  return urls.map((url) => {
    checkDatabaseUrl(url);
    const name = describeTarget(url);
    if (seen.has(name)) throw new TargetsError(`--database-url: ${name} is given twice`);
    seen.add(name);
    return resolved({ name }, url);
  });
}

function fromEnv(base: Pick<Target, 'name' | 'group'>, variable: string, env: NodeJS.ProcessEnv): Target {
  const url = env[variable];
  if (!url) return { ...base, host: 'unknown', problem: `environment variable ${variable} (its urlEnv) is not set or empty` };
  try {
    return resolved(base, checkDatabaseUrl(url));
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error;
    return { ...base, host: 'unknown', problem: `environment variable ${variable}: ${error.message}` };
  }
}

function resolved(base: Pick<Target, 'name' | 'group'>, url: string): Target {
  const parsed = new URL(url);
  return { ...base, url, host: `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}` };
}
