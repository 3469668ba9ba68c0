import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{c as a,d as b,e as c,f as d,g as e,h as f,i as g,j as h,k as i,l as j,m as k,n as l,o as m,p as n,q as o}from"./chunk-37SPM5CW.js";import"./chunk-2255RH4N.js";export{a as APPLICATION_NAME,b as DatabaseUrlError,j as applySettings,l as cancelBackend,c as checkDatabaseUrl,h as connect,o as describeError,f as describeTarget,m as disconnect,i as nameSession,e as redact,d as secretsOf,k as sessionWithSettings,n as sqlstateOf,g as withSslCa};
