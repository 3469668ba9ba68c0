import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{c as a,d as b,e as c,f as d,g as e,h as f,i as g,j as h,k as i,l as j,m as k,n as l,o as m,p as n}from"./chunk-SKJJYY3T.js";import"./chunk-OSOJ7T2R.js";import"./chunk-KXBC6G24.js";import"./chunk-2255RH4N.js";export{a as APPLICATION_NAME,c as DatabaseUrlError,b as KEEP_SESSION_SQL,i as applySettings,k as cancelBackend,d as checkDatabaseUrl,g as connect,n as describeError,e as describeTarget,l as disconnect,h as nameSession,j as sessionWithSettings,m as sqlstateOf,f as withSslCa};
