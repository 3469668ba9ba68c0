#!/usr/bin/env node
import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{b as r}from"./chunk-7NSJT7M2.js";import{a as n}from"./chunk-NBB3BVKE.js";import{d as t}from"./chunk-KXBC6G24.js";import"./chunk-2255RH4N.js";n();var i=await import("./chunk-4TN7EOEQ.js");i.loadsScriptRegistry(process.argv.slice(2))&&i.prestartRegistryWorker();var{main:p}=await import("./chunk-7HLCWXZY.js"),o=new AbortController;for(let e of["SIGINT","SIGTERM"])process.on(e,()=>{o.signal.aborted&&process.exit(130),o.abort(e)});var c=t(process.env),a=e=>process.stderr.write(`${e}
`);for(let e of["uncaughtException","unhandledRejection"])process.on(e,s=>{a(r(c.redact(`index-builder stopped unexpectedly: ${s instanceof Error?s.message:String(s)}`))),process.exit(1)});process.exitCode=await p(process.argv.slice(2),{out:e=>process.stdout.write(`${e}
`),err:a,env:process.env,signal:o.signal,secrets:c});
