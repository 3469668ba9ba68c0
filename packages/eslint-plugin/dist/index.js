import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{e as a,f as b,g as c,h as d,i as e,j as f}from"./chunk-OCK5FJSL.js";export{a as SqlLanguage,f as default,e as"module.exports",b as noConstraintIndexInMigration,c as noIndexInMigration,d as validRegistry};
