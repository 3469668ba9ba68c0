import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{e as b,k as c,l as d,m as e,n as f,o as g}from"./chunk-SQGAZXFU.js";import"./chunk-NSL43CLD.js";import{m as a}from"./chunk-2R276MRN.js";import"./chunk-NDJ7XQVB.js";import"./chunk-FX26CVYD.js";import"./chunk-NL6HQOSB.js";import"./chunk-CFAJO52F.js";import"./chunk-MHUBUKDC.js";import"./chunk-PK2G3XM4.js";import"./chunk-EKKMD3OK.js";import"./chunk-KXBC6G24.js";import"./chunk-2255RH4N.js";export{b as ADVISORY_LOCK_KEY,c as ANOTHER_BUILDER_RUNNING,d as DEFAULTS,a as ON_DRIFT_VALUES,g as build,f as buildOrder,e as openRun};
