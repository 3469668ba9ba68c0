import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a}from"./chunk-CIXZSAKZ.js";import"./chunk-SQGAZXFU.js";import"./chunk-NSL43CLD.js";import"./chunk-2R276MRN.js";import"./chunk-NDJ7XQVB.js";import"./chunk-FX26CVYD.js";import"./chunk-NL6HQOSB.js";import"./chunk-CFAJO52F.js";import"./chunk-MHUBUKDC.js";import"./chunk-PK2G3XM4.js";import"./chunk-EKKMD3OK.js";import"./chunk-KXBC6G24.js";import"./chunk-2255RH4N.js";export{a as plan};
