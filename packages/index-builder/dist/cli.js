#!/usr/bin/env node
import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{b as t}from"./chunk-7NSJT7M2.js";import{a as s}from"./chunk-CLYUEBIQ.js";import{a as i}from"./chunk-NBB3BVKE.js";import{d as n}from"./chunk-KXBC6G24.js";import"./chunk-2255RH4N.js";i();var c=await import("./chunk-JA2VCWOK.js");c.loadsScriptRegistry(process.argv.slice(2))&&c.prestartRegistryWorker();var{main:l}=await import("./chunk-YCEJ4LSM.js"),r=new AbortController;for(let e of["SIGINT","SIGTERM"])process.on(e,()=>{r.signal.aborted&&process.exit(s.SIGINT),r.abort(e)});var a=n(process.env),p=e=>process.stderr.write(`${e}
`);for(let e of["uncaughtException","unhandledRejection"])process.on(e,o=>{p(t(a.redact(`index-builder stopped unexpectedly: ${o instanceof Error?o.message:String(o)}`))),process.exit(s.FAILED)});process.exitCode=await l(process.argv.slice(2),{out:e=>process.stdout.write(`${e}
`),err:p,env:process.env,signal:r.signal,secrets:a});
