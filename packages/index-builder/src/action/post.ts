// The Action's post step (action.yml `runs.post`).
import { enableCompileCache } from '../util/compile-cache.ts';

enableCompileCache();
const { runPost } = await import('./post-main.ts');
(await import('./log.ts')).handleStrayErrors(false);
await runPost();
