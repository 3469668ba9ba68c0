// Node's on-disk compile cache (Node 22.1+; absent on Node 20, where this does nothing): a later run of the same
// code skips compiling it. It covers only modules loaded after the call, so entry points call it first and import
// the rest dynamically.
import nodeModule from 'node:module';

export function enableCompileCache(): void {
  try {
    (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  } catch {
    // A read-only or missing cache directory only costs the speed-up.
  }
}
