import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a,b}from"./chunk-QRYP6O33.js";import"./chunk-3A557F7L.js";import"./chunk-NCNXZFV3.js";import"./chunk-SQGAZXFU.js";import"./chunk-NSL43CLD.js";import"./chunk-L7WTZZAD.js";import"./chunk-YNMO72JD.js";import"./chunk-PWKGEF5I.js";import"./chunk-4BUOHVZE.js";import"./chunk-5PEAHMU5.js";import"./chunk-EU55QID4.js";import"./chunk-BF44H7VK.js";import"./chunk-2R276MRN.js";import"./chunk-NDJ7XQVB.js";import"./chunk-FX26CVYD.js";import"./chunk-CLYUEBIQ.js";import"./chunk-7FGUDX3W.js";import"./chunk-NL6HQOSB.js";import"./chunk-3HH65WHE.js";import"./chunk-CFAJO52F.js";import"./chunk-MHUBUKDC.js";import"./chunk-PK2G3XM4.js";import"./chunk-EKKMD3OK.js";import"./chunk-KXBC6G24.js";import"./chunk-2255RH4N.js";export{a as buildFleet,b as loadFleetSetup};
