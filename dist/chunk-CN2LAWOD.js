import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{c,d,e,f,g,h,i,j,k,l,m,n,o,p}from"./chunk-VIRMFLIA.js";import"./chunk-FDLNTTEG.js";import{a,b}from"./chunk-44CLTGVG.js";import"./chunk-2255RH4N.js";export{c as APPLICATION_NAME,e as DatabaseUrlError,d as KEEP_SESSION_SQL,k as applySettings,m as cancelBackend,f as checkDatabaseUrl,i as connect,p as describeError,g as describeTarget,n as disconnect,j as nameSession,b as redact,a as secretsOf,l as sessionWithSettings,o as sqlstateOf,h as withSslCa};
