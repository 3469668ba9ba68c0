#!/usr/bin/env node
import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{b as n}from"./chunk-7NSJT7M2.js";import{a as t}from"./chunk-CLYUEBIQ.js";import{a as c}from"./chunk-NBB3BVKE.js";import{d as i}from"./chunk-KXBC6G24.js";import"./chunk-2255RH4N.js";function a(e){let o=!1;return e.on("error",r=>{if(r.code==="EPIPE"||r.code==="ERR_STREAM_DESTROYED"){o=!0;return}throw r}),r=>{o||e.destroyed||e.write(`${r}
`)}}c();var p=await import("./chunk-DWGMRU6A.js");p.loadsScriptRegistry(process.argv.slice(2))&&p.prestartRegistryWorker();var{main:f}=await import("./chunk-XTGDDTA7.js"),s=new AbortController;for(let e of["SIGINT","SIGTERM"])process.on(e,()=>{s.signal.aborted&&process.exit(t.SIGINT),s.abort(e)});var l=i(process.env),d=e=>process.stderr.write(`${e}
`);for(let e of["uncaughtException","unhandledRejection"])process.on(e,o=>{d(n(l.redact(`index-builder stopped unexpectedly: ${o instanceof Error?o.message:String(o)}`))),process.exit(t.FAILED)});process.exitCode=await f(process.argv.slice(2),{out:a(process.stdout),err:d,env:process.env,signal:s.signal,secrets:l});
