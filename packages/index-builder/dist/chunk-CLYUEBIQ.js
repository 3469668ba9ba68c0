import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
var s={OK:0,FAILED:1,USAGE:2,SIGINT:130,SIGTERM:143},r=class extends Error{};function o(e,t){return e.secrets?e.secrets.redactDeep(t):t}export{s as a,r as b,o as c};
