import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a}from"./chunk-3HH65WHE.js";import{c as u}from"./chunk-2255RH4N.js";var n=u(a(),1);function i(o,r){let e=o.contents;return(0,n.isSeq)(e)?e.items.map(t=>{let s=(0,n.isMap)(t)||t===null?t?.range?.[0]??0:t.range?.[0]??0;return r.linePos(s).line}):[]}function c(o){let r=new n.LineCounter,e=(0,n.parseDocument)(o,{lineCounter:r,prettyErrors:!1});return{doc:e,lines:i(e,r)}}export{i as entryLinesInData,c as parseDataRegistry};
