import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
var s=[["standard_conforming_strings","on"],["backslash_quote","safe_encoding"],["client_encoding","'UTF8'"],["transform_null_equals","off"],["extra_float_digits","1"],["quote_all_identifiers","off"]];function r(e="session"){let t=e==="session"?"SET":"SET LOCAL";return s.map(([n,o])=>`${t} ${n} = ${o};`).join(" ")}function i(e,t,n){return e.query({text:t,...n?{values:n}:{},queryMode:"extended"})}export{r as a,i as b};
