// Types shared by the corpus modules (plain .mjs, so that bench/lint.mjs can import them too).

export interface CorpusFile {
  path: string;
  style: string;
  indexes: number[];
  constraints: number[];
  otherDialect?: number[];
  helperIndexes?: number[];
  note?: string;
}
export interface CorpusPackage {
  name: string;
  version: string;
  integrity: string;
  license: string;
  repository: string | null;
  commit: string | null;
  lintGlobs?: string[];
  files: CorpusFile[];
}
export interface Manifest {
  packages: CorpusPackage[];
}
export interface ScoredFile {
  package: string;
  path: string;
  style: string;
  /** Whether the config turned no-index-in-migration on for the file (false: a folder the globs miss). */
  linted: boolean;
  indexes: number[];
  missedIndexes: number[];
  constraints: number[];
  missedConstraints: number[];
  helperIndexes: number[];
  missedHelperIndexes: number[];
  falseReports: string[];
  parseErrors: string[];
}
export interface StyleRow {
  style: string;
  files: number;
  withIndex: number;
  found: number;
  missed: number;
  falseReports: number;
  parseErrors: number;
  constraints: number;
  constraintsFound: number;
  helperIndexes: number;
  helperIndexesFound: number;
}
