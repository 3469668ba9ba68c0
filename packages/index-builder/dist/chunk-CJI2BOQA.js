import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a,b}from"./chunk-IBMTOZ7H.js";import"./chunk-YNWBOL55.js";import"./chunk-NCNXZFV3.js";import"./chunk-MGAMQVDI.js";import"./chunk-U4LXITT7.js";import"./chunk-OZL62CBN.js";import"./chunk-YNMO72JD.js";import"./chunk-Q53X563E.js";import"./chunk-KII75XCG.js";import"./chunk-XEAT7UAJ.js";import"./chunk-4LE4MKCI.js";import"./chunk-BF44H7VK.js";import"./chunk-INAFWLPK.js";import"./chunk-DZQED466.js";import"./chunk-VOANEOCC.js";import"./chunk-CLYUEBIQ.js";import"./chunk-2KIG3JO4.js";import"./chunk-4ERT276G.js";import"./chunk-3HH65WHE.js";import"./chunk-K3WNTCOW.js";import"./chunk-E6KUCHFF.js";import"./chunk-IKHW4TM2.js";import"./chunk-PK2G3XM4.js";import"./chunk-EKKMD3OK.js";import"./chunk-KXBC6G24.js";import"./chunk-2255RH4N.js";export{a as buildFleet,b as loadFleetSetup};
