import type { CorpusFile, CorpusPackage, Manifest } from './types.d.mts';

export const MANIFEST_PATH: string;
export const DEFAULT_CACHE_DIR: string;
export function readManifest(): Promise<Manifest>;
export function packageFolder(pkg: CorpusPackage): string;
export function corpusPath(pkg: CorpusPackage, file: CorpusFile): string;
export function ensureCorpus(options?: {
  cacheDir?: string;
  log?: (line: string) => void;
}): Promise<{ root: string; manifest: Manifest; downloaded: number }>;
