// The plugin on real migrations: about 880 files from 36 npm packages (20 public repositories), listed with their exact
// versions, integrity and hand labels in corpus/manifest.json, downloaded by corpus/fetch.mjs into
// node_modules/.cache (never committed). Linted with configs.recommended through ESLint's Node API (the bundle, as a
// user gets it), and scored against the labels: every index creation reported at its line, nothing else reported,
// no parse error. Offline with an empty cache, the test fails with the reason: it never skips.
import indexBuilder from 'eslint-plugin-index-builder';
import { ensureCorpus } from '../corpus/fetch.mjs';
import { formatTable, lintCorpus, scoreCorpus, styleTable } from '../corpus/lint-corpus.mjs';
import type { Manifest, ScoredFile } from '../corpus/types.d.mts';

const RECALL = 0.99;

let manifest: Manifest;
let files: ScoredFile[];

beforeAll(async () => {
  const corpus = await ensureCorpus();
  manifest = corpus.manifest;
  files = scoreCorpus(corpus.root, manifest, await lintCorpus(corpus.root, indexBuilder, manifest));
  const creations = files.reduce((n, f) => n + f.indexes.length, 0);
  const unreported = files.reduce((n, f) => n + f.missedIndexes.length, 0);
  console.log(
    `Real-world corpus, linted with configs.recommended:\n${formatTable(styleTable(files))}\n` +
      `index creations reported: ${creations - unreported}/${creations}`,
  );
}, 600_000);

const list = (entries: string[]): string => (entries.length ? `\n  ${entries.join('\n  ')}` : ' none');
const verdict = (recall: number, detail: string): string =>
  recall >= RECALL ? 'ok' : `recall ${(recall * 100).toFixed(1)}% is below ${RECALL * 100}%; ${detail}`;

describe('the real-world corpus', () => {
  it('holds at least 300 files from at least 10 repositories, each under a permissive licence', () => {
    expect(files.length).toBeGreaterThanOrEqual(300);
    const repositories = new Set(manifest.packages.map((p) => p.repository ?? p.name.split('/')[0]));
    expect(repositories.size).toBeGreaterThanOrEqual(10);
    for (const p of manifest.packages) expect(p.license).toMatch(/^(MIT|Apache[- ]2\.0|BSD-[23]-Clause|ISC)$/);
  });

  it(`reports the index creations of at least ${RECALL * 100}% of the files that create one, at the labelled lines`, () => {
    const withIndex = files.filter((f) => f.indexes.length);
    const missed = withIndex.filter((f) => f.missedIndexes.length);
    const detail = missed.map((f) => `${f.path}: line ${f.missedIndexes.join(', ')}${f.linted ? '' : ' (file not linted)'}`);
    expect(verdict((withIndex.length - missed.length) / withIndex.length, `files with an index missed:${list(detail)}`)).toBe('ok');
  });

  it('reports nothing that is not a labelled index or constraint (no false report)', () => {
    expect(list(files.flatMap((f) => f.falseReports.map((r) => `${f.path} ${r}`)))).toBe(' none');
  });

  it('parses every file', () => {
    expect(list(files.flatMap((f) => f.parseErrors.map((e) => `${f.path} ${e}`)))).toBe(' none');
  });

  it(`reports at least ${RECALL * 100}% of the unique and primary-key constraints added to existing tables`, () => {
    const total = files.reduce((n, f) => n + f.constraints.length, 0);
    const missed = files.flatMap((f) => f.missedConstraints.map((line) => `${f.path}:${line}`));
    expect(verdict((total - missed.length) / total, `constraints missed:${list(missed)}`)).toBe('ok');
  });
});
