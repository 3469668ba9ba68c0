import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{c as a,d as b,e as c,f as d,g as e}from"./chunk-CFAJO52F.js";import"./chunk-MHUBUKDC.js";import"./chunk-PK2G3XM4.js";import"./chunk-EKKMD3OK.js";import"./chunk-KXBC6G24.js";import"./chunk-2255RH4N.js";export{c as closeSessions,a as openSessions,e as stepConnection,d as usableSession,b as whileOpening};
