import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{mkdir as e,writeFile as i}from"node:fs/promises";import{dirname as o}from"node:path";async function s(r,t){await e(o(r),{recursive:!0}),await i(r,`${JSON.stringify(t,null,2)}
`)}export{s as a};
