import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{mkdir as r,writeFile as i}from"node:fs/promises";import{dirname as o}from"node:path";async function s(t,e){await r(o(t),{recursive:!0}),await i(t,`${JSON.stringify(e,null,2)}
`)}export{s as a};
