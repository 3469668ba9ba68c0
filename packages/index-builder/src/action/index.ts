// The Action's main step (action.yml `runs.main`).
import { enableCompileCache } from '../util/compile-cache.ts';

enableCompileCache();
const { run } = await import('./main.ts');
(await import('./log.ts')).handleStrayErrors(true);
await run();
