#!/usr/bin/env node
import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a as s}from"./chunk-XVPZADXR.js";import"./chunk-2255RH4N.js";s();var{main:r}=await import("./chunk-S6SIP6NI.js"),e=new AbortController;for(let o of["SIGINT","SIGTERM"])process.on(o,()=>{e.signal.aborted&&process.exit(130),e.abort(o)});process.exitCode=await r(process.argv.slice(2),{out:o=>process.stdout.write(`${o}
`),err:o=>process.stderr.write(`${o}
`),env:process.env,signal:e.signal});
