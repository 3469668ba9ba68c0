import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a,b}from"./chunk-DVW45VBV.js";import"./chunk-QN3V4IRG.js";import"./chunk-GNGTAF2Y.js";import"./chunk-YNMO72JD.js";import"./chunk-C6HHXY7S.js";import"./chunk-W5WKLXIK.js";import"./chunk-ZGOG5Z37.js";import"./chunk-4LE4MKCI.js";import"./chunk-BF44H7VK.js";import"./chunk-VEZ7RAYD.js";import"./chunk-ER3DXJWS.js";import"./chunk-VSEZ65IC.js";import"./chunk-FVMSZ66P.js";import"./chunk-OOPJVSO6.js";import"./chunk-2JATHBYG.js";import"./chunk-ZGJJPAZ5.js";import"./chunk-SCYRC37O.js";import"./chunk-4ERT276G.js";import"./chunk-3HH65WHE.js";import"./chunk-ZTLVNJJF.js";import"./chunk-OSOJ7T2R.js";import"./chunk-KXBC6G24.js";import"./chunk-2255RH4N.js";export{b as loadFleetSetup,a as runFleetBuild};
