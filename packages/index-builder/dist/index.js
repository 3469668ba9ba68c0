import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a}from"./chunk-NBB3BVKE.js";import"./chunk-2255RH4N.js";a();var{run:r}=await import("./chunk-2K5KPMTM.js");(await import("./chunk-Z63SFG2B.js")).handleStrayErrors(!0);await r();
