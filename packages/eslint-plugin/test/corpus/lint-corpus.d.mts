import type { ESLint, Linter } from 'eslint';
import type { Manifest, ScoredFile, StyleRow } from './types.d.mts';

export function corpusConfig(plugin: object, manifest: Manifest): Linter.Config[];
export function writeCorpusConfig(root: string, manifest: Manifest): Promise<string>;
export function lintCorpus(root: string, plugin: object, manifest: Manifest): Promise<ESLint.LintResult[]>;
export function scoreCorpus(root: string, manifest: Manifest, results: ESLint.LintResult[]): ScoredFile[];
export function styleTable(files: ScoredFile[]): StyleRow[];
export function formatTable(rows: StyleRow[]): string;
