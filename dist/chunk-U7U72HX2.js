import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{c as a,d as b,e as c,f as d,g as e,h as f,i as g,j as h}from"./chunk-N3ICO423.js";import"./chunk-EBQG4HUB.js";import"./chunk-EBM6LWTG.js";import"./chunk-FDLNTTEG.js";import"./chunk-2255RH4N.js";export{a as RESTORE_FILE,h as appendRestoreFile,c as createStatement,d as restoreAfterDrop,e as restoreAfterSwap,g as restoreFilePath,f as restoreStatements,b as snapshotIndexes};
