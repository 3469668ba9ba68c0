import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
var o=new Set(["file-not-found","file-unreadable","unsupported-file-type"]);function n(i,t){let e=i.problems.find(r=>o.has(r.code));if(e)return e.code==="file-not-found"?`${i.file}: registry file not found; pass the right path with ${t}, or write one with index-builder import`:`${i.file}: ${e.message}; ${e.code==="unsupported-file-type"?e.fix:`pass a readable file with ${t}`}`}export{n as a};
