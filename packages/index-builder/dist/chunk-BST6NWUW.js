import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a,b,c,d}from"./chunk-QNUCFVDB.js";import"./chunk-3HH65WHE.js";import"./chunk-SKJJYY3T.js";import"./chunk-OSOJ7T2R.js";import"./chunk-KXBC6G24.js";import"./chunk-2255RH4N.js";export{a as TargetsError,b as loadTargets,c as parseTargets,d as targetsFromUrls};
