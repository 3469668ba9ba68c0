// The Action's main step (action.yml `runs.main`).
import { run } from './main.ts';

await run();
