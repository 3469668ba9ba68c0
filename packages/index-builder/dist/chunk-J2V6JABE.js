import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a}from"./chunk-IFNZCHIM.js";import"./chunk-MGAMQVDI.js";import"./chunk-U4LXITT7.js";import"./chunk-INAFWLPK.js";import"./chunk-DZQED466.js";import"./chunk-VOANEOCC.js";import"./chunk-4ERT276G.js";import"./chunk-K3WNTCOW.js";import"./chunk-E6KUCHFF.js";import"./chunk-IKHW4TM2.js";import"./chunk-PK2G3XM4.js";import"./chunk-EKKMD3OK.js";import"./chunk-KXBC6G24.js";import"./chunk-2255RH4N.js";export{a as plan};
