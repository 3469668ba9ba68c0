import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
var r=class extends Error{};function o(e){if(!e)throw new r("no database URL: pass --database-url or set DATABASE_URL");let t;try{t=new URL(e)}catch{throw new r("the database URL is not a valid URL (expected postgres://user:password@host:5432/database)")}if(t.protocol!=="postgres:"&&t.protocol!=="postgresql:")throw new r(`the database URL must start with postgres:// or postgresql://, not ${t.protocol}//`);return e}function a(e){let t=new URL(e),s=decodeURIComponent(t.pathname.replace(/^\//,""))||t.username||"postgres";return`${t.hostname||"localhost"}:${t.port||"5432"}/${s}`}function n(e,t){if(!t)return e;let s=new URL(e);return s.searchParams.set("sslrootcert",t),s.searchParams.has("sslmode")||s.searchParams.set("sslmode","verify-full"),s.toString()}export{r as a,o as b,a as c,n as d};
