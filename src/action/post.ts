// The Action's post step (action.yml `runs.post`).
import { runPost } from './post-main.ts';

await runPost();
