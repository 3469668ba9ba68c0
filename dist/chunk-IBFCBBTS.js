import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{c as a,d as b,e as c}from"./chunk-KU73LSXZ.js";import"./chunk-VIREG4LI.js";import"./chunk-2255RH4N.js";export{b as closeSessions,a as openSessions,c as usableSession};
