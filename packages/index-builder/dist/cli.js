#!/usr/bin/env node
import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{b as s}from"./chunk-7NSJT7M2.js";import{a as i}from"./chunk-NBB3BVKE.js";import{d as n}from"./chunk-KXBC6G24.js";import"./chunk-2255RH4N.js";function c(e){let o=!1;return e.on("error",r=>{if(r.code==="EPIPE"||r.code==="ERR_STREAM_DESTROYED"){o=!0;return}throw r}),r=>{o||e.destroyed||e.write(`${r}
`)}}i();var a=await import("./chunk-4TN7EOEQ.js");a.loadsScriptRegistry(process.argv.slice(2))&&a.prestartRegistryWorker();var{main:d}=await import("./chunk-HK5OF4ZL.js"),t=new AbortController;for(let e of["SIGINT","SIGTERM"])process.on(e,()=>{t.signal.aborted&&process.exit(130),t.abort(e)});var l=n(process.env),p=e=>process.stderr.write(`${e}
`);for(let e of["uncaughtException","unhandledRejection"])process.on(e,o=>{p(s(l.redact(`index-builder stopped unexpectedly: ${o instanceof Error?o.message:String(o)}`))),process.exit(1)});process.exitCode=await d(process.argv.slice(2),{out:c(process.stdout),err:p,env:process.env,signal:t.signal,secrets:l});
