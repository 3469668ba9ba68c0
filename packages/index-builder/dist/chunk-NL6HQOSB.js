import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
var e={registry:"db/indexes.ts","lock-timeout":"5min","max-attempts":"10","statement-timeout":"0","time-budget":"","progress-interval":"10s","fail-on":"never","dry-run":"false","on-drift":"report",prune:"false","prune-include":"","prune-max":"5","ssl-ca":"",targets:"",concurrency:"4","per-host":"2",canary:"",shard:"","max-replica-lag":"","max-retained-wal":"",window:"",parallel:"1","maintenance-work-mem":"","max-parallel-maintenance-workers":""};export{e as a};
