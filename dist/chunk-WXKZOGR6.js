import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a}from"./chunk-M4OZVRAF.js";import"./chunk-YZDZEQWE.js";import"./chunk-QCFWMR7S.js";import"./chunk-LZ2OIPEX.js";import"./chunk-RLXSHQC4.js";import"./chunk-37SPM5CW.js";import"./chunk-2255RH4N.js";export{a as plan};
