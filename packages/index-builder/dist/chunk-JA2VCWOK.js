import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a,b,c,d}from"./chunk-2KIG3JO4.js";import"./chunk-4ERT276G.js";import"./chunk-2255RH4N.js";export{a as RegistryLoadStopped,d as loadsScriptRegistry,c as prestartRegistryWorker,b as runInSandbox};
