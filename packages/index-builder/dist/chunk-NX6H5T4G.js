import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a}from"./chunk-CZMH2PVK.js";import"./chunk-JOPTIQIM.js";import"./chunk-TYIWNSTK.js";import"./chunk-PMCZPTEK.js";import"./chunk-OOPJVSO6.js";import"./chunk-2JATHBYG.js";import"./chunk-ZGJJPAZ5.js";import"./chunk-4ERT276G.js";import"./chunk-SKJJYY3T.js";import"./chunk-OSOJ7T2R.js";import"./chunk-KXBC6G24.js";import"./chunk-2255RH4N.js";export{a as plan};
