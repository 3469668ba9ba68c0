// Lints the real-world corpus with the plugin's recommended config through ESLint's Node API, and scores the reports
// against the hand labels of manifest.json. Shared by the recall test and `npm run bench` (bench/lint.mjs).
import { writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ESLint } from 'eslint';
import { corpusPath, packageFolder } from './fetch.mjs';

const NAMESPACE = 'index-builder';

/** Globs a user adds for a package whose migrations sit in a folder no convention names (manifest `lintGlobs`). */
function userGlobs(manifest) {
  return manifest.packages.flatMap((pkg) => (pkg.lintGlobs ?? []).map((glob) => `${packageFolder(pkg)}/${glob}`));
}

/** The flat config: `configs.recommended`, plus the user's own globs (both migration rules) for the packages that need one. */
export function corpusConfig(plugin, manifest) {
  const extra = userGlobs(manifest).map((glob) => ({
    files: [glob],
    plugins: { [NAMESPACE]: plugin },
    ...(glob.endsWith('.sql') ? { language: `${NAMESPACE}/sql` } : {}),
    rules: { [`${NAMESPACE}/no-index-in-migration`]: 'error', [`${NAMESPACE}/no-constraint-index-in-migration`]: 'error' },
  }));
  return [...plugin.configs.recommended, ...extra];
}

/** The same config as an eslint.config.mjs for the ESLint CLI (the bench runs it with TIMING=1 and --stats). */
export async function writeCorpusConfig(root, manifest) {
  const extra = userGlobs(manifest).map(
    (glob) =>
      `  { files: [${JSON.stringify(glob)}], plugins: { '${NAMESPACE}': indexBuilder }, ` +
      `${glob.endsWith('.sql') ? `language: '${NAMESPACE}/sql', ` : ''}rules: { '${NAMESPACE}/no-index-in-migration': 'error', '${NAMESPACE}/no-constraint-index-in-migration': 'error' } },`,
  );
  const source = `import indexBuilder from 'eslint-plugin-index-builder';\n\nexport default [\n  ...indexBuilder.configs.recommended,\n${extra.join('\n')}\n];\n`;
  const path = join(root, 'eslint.config.mjs');
  await writeFile(path, source);
  return path;
}

/** ESLint's results; each carries `ruleOn`: whether the config turns no-index-in-migration on for the file. */
export async function lintCorpus(root, plugin, manifest) {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: corpusConfig(plugin, manifest) });
  const results = await eslint.lintFiles(['.']);
  for (const result of results) {
    const config = await eslint.calculateConfigForFile(result.filePath);
    result.ruleOn = Boolean(config?.rules?.[`${NAMESPACE}/no-index-in-migration`]?.[0]);
  }
  return results;
}

const covers = (message, line) => message.line <= line && line <= (message.endLine ?? message.line);

/** The labelled lines left without a report. A line listed k times holds k creations and needs k reports over it. */
function unreported(lines, reports) {
  const wanted = new Map();
  for (const line of lines) wanted.set(line, (wanted.get(line) ?? 0) + 1);
  const missed = [];
  for (const [line, count] of wanted) {
    const got = reports.filter((m) => covers(m, line)).length;
    for (let i = got; i < count; i += 1) missed.push(line);
  }
  return missed;
}

/**
 * Scores ESLint's results against the labels: per file, which labelled index and constraint lines got a report,
 * which reports hit no labelled line (false reports), and parse errors.
 */
export function scoreCorpus(root, manifest, results) {
  const byPath = new Map(results.map((r) => [relative(root, r.filePath).split(sep).join('/'), r]));
  const files = [];
  for (const pkg of manifest.packages) {
    for (const file of pkg.files) {
      const path = corpusPath(pkg, file).split(sep).join('/');
      const result = byPath.get(path);
      const messages = result?.messages ?? [];
      const reports = messages.filter((m) => m.ruleId?.startsWith(`${NAMESPACE}/`));
      const helperIndexes = file.helperIndexes ?? [];
      const labelled = [...file.indexes, ...file.constraints, ...helperIndexes];
      files.push({
        package: pkg.name,
        path,
        style: file.style,
        linted: result?.ruleOn === true,
        indexes: file.indexes,
        missedIndexes: unreported(file.indexes, reports),
        constraints: file.constraints,
        missedConstraints: unreported(file.constraints, reports),
        helperIndexes,
        missedHelperIndexes: unreported(helperIndexes, reports),
        falseReports: reports
          .filter((m) => !labelled.some((line) => covers(m, line)))
          .map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message.slice(0, 160)}`),
        parseErrors: messages.filter((m) => m.fatal).map((m) => `${m.line}:${m.column} ${m.message}`),
      });
    }
  }
  return files;
}

const EMPTY_ROW = {
  style: '',
  files: 0,
  withIndex: 0,
  found: 0,
  missed: 0,
  falseReports: 0,
  parseErrors: 0,
  constraints: 0,
  constraintsFound: 0,
  helperIndexes: 0,
  helperIndexesFound: 0,
};

/** One row per style: files, files with an index, found, missed, false reports, parse errors, constraints. */
export function styleTable(files) {
  const rows = new Map();
  for (const f of files) {
    const row = rows.get(f.style) ?? { ...EMPTY_ROW, style: f.style };
    row.files += 1;
    if (f.indexes.length) {
      row.withIndex += 1;
      if (f.missedIndexes.length) row.missed += 1;
      else row.found += 1;
    }
    row.falseReports += f.falseReports.length;
    row.parseErrors += f.parseErrors.length ? 1 : 0;
    row.constraints += f.constraints.length;
    row.constraintsFound += f.constraints.length - f.missedConstraints.length;
    row.helperIndexes += f.helperIndexes.length;
    row.helperIndexesFound += f.helperIndexes.length - f.missedHelperIndexes.length;
    rows.set(f.style, row);
  }
  const list = [...rows.values()].sort((a, b) => b.files - a.files);
  const total = list.reduce((t, r) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, k === 'style' ? v : v + r[k]])), {
    ...EMPTY_ROW,
    style: 'total',
  });
  return [...list, total];
}

export function formatTable(rows) {
  const header = [
    'style',
    'files',
    'files with an index',
    'found',
    'missed',
    'false reports',
    'files with a parse error',
    'constraints found',
    'indexes via a project helper, found',
  ];
  const lines = rows.map((r) =>
    [
      r.style,
      r.files,
      r.withIndex,
      r.found,
      r.missed,
      r.falseReports,
      r.parseErrors,
      `${r.constraintsFound}/${r.constraints}`,
      `${r.helperIndexesFound}/${r.helperIndexes}`,
    ].map(String),
  );
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
