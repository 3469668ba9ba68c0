import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{d as a,e as b,f as c,g as d,h as e,i as f,j as g,k as h,l as i,m as j,n as k,o as l,p as m,q as n}from"./chunk-YO6T3RAE.js";import"./chunk-BF44H7VK.js";import"./chunk-7NSJT7M2.js";import"./chunk-NL6HQOSB.js";import"./chunk-KXBC6G24.js";import"./chunk-2255RH4N.js";export{g as annotate,j as fail,f as group,n as handleStrayErrors,d as info,e as infoLines,i as notice,a as protect,m as publishSummary,b as redact,c as redactDeep,k as setOutput,h as warning,l as writeReport};
