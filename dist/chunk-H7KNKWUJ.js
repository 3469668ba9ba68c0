import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{e as b,k as c,l as d,m as e,n as f,o as g}from"./chunk-MIII2YJL.js";import{f as a}from"./chunk-FEIVX6DG.js";import"./chunk-LBEVPB4F.js";import"./chunk-N3ICO423.js";import"./chunk-EBQG4HUB.js";import"./chunk-EBM6LWTG.js";import"./chunk-VCHCSPK3.js";import"./chunk-5CJRXQVC.js";import"./chunk-FDLNTTEG.js";import"./chunk-44CLTGVG.js";import"./chunk-2255RH4N.js";export{b as ADVISORY_LOCK_KEY,c as ANOTHER_BUILDER_RUNNING,d as DEFAULTS,a as ON_DRIFT_VALUES,g as build,f as buildOrder,e as openRun};
