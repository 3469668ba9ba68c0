// `eslint-plugin-index-builder lint-coverage`: the files of a repository that create an index or an index-building
// constraint and that the project's ESLint config does not check with the plugin's rules (a migration folder nobody
// configured lints nothing, silently), with the config line that would add them. Each candidate is read by the
// rules themselves (forced on for the file), then ESLint's own calculateConfigForFile says whether the project's
// config turns the reporting rule on for it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, posix, relative, sep } from 'node:path';
import { ESLint, Linter } from 'eslint';
import plugin from '../index.ts';
import { SCRIPT_EXTENSIONS, TYPESCRIPT_EXTENSIONS } from '../configs/recommended.ts';
import { typescriptParser } from '../configs/typescript-parser.ts';
import { NAMESPACE } from '../meta.ts';

const RULES = ['no-index-in-migration', 'no-constraint-index-in-migration'] as const;
const EXTENSIONS = new Set([...SCRIPT_EXTENSIONS, 'sql'].map((extension) => `.${extension}`));
/** Words every form the rules read contains; a file without any of them is not read. */
const MAY_BUILD_INDEX = /index|indices|unique|primary|constraint|exclude/i;
/** Folders of tests, fixtures and build output: not migrations, left out unless `--all`. */
const NOT_MIGRATIONS =
  /(?:^|\/)(?:node_modules|dist|build|coverage|\.git|tests?|__tests__|spec|__fixtures__|fixtures)\/|\.(?:test|spec)\.[cm]?[jt]s$/;

interface UncoveredFile {
  /** Path relative to the folder checked, with `/`. */
  path: string;
  /** `index` or `constraint`, and the first line where the rule found one. */
  builds: 'index' | 'constraint';
  line: number;
  /** The plugin rule that would report it. */
  rule: string;
}

export interface CoverageResult {
  uncovered: UncoveredFile[];
  /** Files read (after the prefilter). */
  checked: number;
  /** Files the ESLint config ignores (not checked). */
  ignored: number;
  /** `migrationConfigs({ folders })` for the folders of the uncovered files. */
  configLine: string | undefined;
}

/** The repository's files: git's list (tracked and untracked, not ignored), else a walk of the folder. */
function listFiles(cwd: string): string[] {
  try {
    const output = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
    return [...new Set(output.split('\0').filter(Boolean))];
  } catch {
    const files: string[] = [];
    const walk = (folder: string): void => {
      for (const entry of readdirSync(join(cwd, folder), { withFileTypes: true })) {
        const path = folder ? `${folder}/${entry.name}` : entry.name;
        if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') walk(path);
        else if (entry.isFile()) files.push(path);
      }
    };
    walk('');
    return files;
  }
}

/** The plugin's rules forced on for every file, to find what each one builds. */
function forcedConfig(): Linter.Config[] {
  const plugins = { [NAMESPACE]: plugin as never };
  const rules = Object.fromEntries(RULES.map((rule) => [`${NAMESPACE}/${rule}`, 'error' as const]));
  return [
    { files: SCRIPT_EXTENSIONS.map((extension) => `**/*.${extension}`), plugins, rules },
    { files: TYPESCRIPT_EXTENSIONS.map((extension) => `**/*.${extension}`), languageOptions: { parser: typescriptParser } },
    { files: ['**/*.sql'], plugins, language: `${NAMESPACE}/sql`, rules },
  ];
}

/**
 * ESLint counts a file that no config block matches (a .sql file outside the configured folders) as ignored, as it
 * does a file an `ignores` pattern names; only the warning it gives tells them apart. The first is what this
 * command is for; the second was left out on purpose.
 */
async function unconfigured(eslint: ESLint, file: string): Promise<boolean> {
  const [result] = await eslint.lintText('', { filePath: file, warnIgnored: true });
  return result?.messages.some((message) => /no matching configuration/.test(message.message)) ?? false;
}

const isOn = (setting: unknown): boolean => {
  const severity: unknown = Array.isArray(setting) ? setting[0] : setting;
  return severity !== undefined && severity !== 0 && severity !== 'off';
};

export async function lintCoverage(cwd: string, options: { all?: boolean } = {}): Promise<CoverageResult> {
  const eslint = new ESLint({ cwd });
  const linter = new Linter({ cwd });
  const forced = forcedConfig();
  const uncovered: UncoveredFile[] = [];
  let checked = 0;
  let ignored = 0;
  for (const path of listFiles(cwd).sort()) {
    const posixPath = path.split(sep).join('/');
    if (!EXTENSIONS.has(extname(posixPath)) || (!options.all && NOT_MIGRATIONS.test(posixPath))) continue;
    const file = join(cwd, path);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (!MAY_BUILD_INDEX.test(text)) continue;
    checked++;
    const found = linter
      .verify(text, forced, file)
      .filter((message) => message.ruleId?.startsWith(`${NAMESPACE}/`))
      .sort((a, b) => a.line - b.line);
    if (found.length === 0) continue;
    if ((await eslint.isPathIgnored(file)) && !(await unconfigured(eslint, file))) {
      ignored++;
      continue;
    }
    const config = (await eslint.calculateConfigForFile(file)) as Linter.Config | undefined;
    const enabled = new Set(
      Object.entries(config?.rules ?? {})
        .filter(([, setting]) => isOn(setting))
        .map(([id]) => id.slice(id.lastIndexOf('/') + 1)),
    );
    const missing = found.find((message) => !enabled.has(message.ruleId!.slice(NAMESPACE.length + 1)));
    if (!missing) continue;
    const rule = missing.ruleId!;
    uncovered.push({ path: posixPath, builds: rule.endsWith('no-index-in-migration') ? 'index' : 'constraint', line: missing.line, rule });
  }
  const folders = [...new Set(uncovered.map((file) => posix.dirname(file.path)))];
  const configLine = folders.length
    ? `...indexBuilder.migrationConfigs({ folders: [${folders.map((folder) => `'${folder.replace(/'/g, "\\'")}'`).join(', ')}] }),`
    : undefined;
  return { uncovered, checked, ignored, configLine };
}

/** The report a person reads: one line per file, then the config line, or one line saying all is covered. */
export function formatCoverage(result: CoverageResult, cwd: string, configFile = 'eslint.config.js'): string {
  const where = relative(process.cwd(), cwd) || '.';
  const skipped = result.ignored ? ` (${result.ignored} that the ESLint config ignores were left out)` : '';
  if (result.uncovered.length === 0) {
    return `Every file in ${where} that builds an index is linted by eslint-plugin-index-builder (${result.checked} files read)${skipped}.`;
  }
  const lines = result.uncovered.map(
    (file) =>
      `${file.path}:${file.line}: creates ${file.builds === 'index' ? 'an index' : 'an index-building constraint'}, and the ESLint config does not run ${file.rule} on it`,
  );
  const count = result.uncovered.length;
  return [
    ...lines,
    `${count} ${count === 1 ? 'file builds an index that ESLint does not check' : 'files build an index that ESLint does not check'}${skipped}. ` +
      `To lint ${count === 1 ? 'it' : 'them'}, add to ${configFile}, after ...indexBuilder.configs.recommended:`,
    `  ${result.configLine}`,
  ].join('\n');
}
