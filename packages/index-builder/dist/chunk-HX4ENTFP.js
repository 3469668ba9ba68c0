import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a as u}from"./chunk-3HH65WHE.js";import{c as a}from"./chunk-2255RH4N.js";var n=a(u(),1),l=1e4;function c(i,r){let e=i.contents;return(0,n.isSeq)(e)?e.items.map(t=>{let o=(0,n.isMap)(t)||t===null?t?.range?.[0]??0:t.range?.[0]??0;return r.linePos(o).line}):[]}function m(i,r){let e=i.contents;return(0,n.isSeq)(e)?e.items.map(t=>{let o=new Map;if(!(0,n.isMap)(t))return o;for(let s of t.items)(0,n.isScalar)(s.key)&&s.key.range&&o.set(String(s.key.value),r.linePos(s.key.range[0]).line);return o}):[]}function f(i){let r=new n.LineCounter,e=(0,n.parseDocument)(i,{lineCounter:r,prettyErrors:!1});return{doc:e,lines:c(e,r),keyLines:m(e,r),lineCounter:r}}function y(i,r){try{return{value:i.toJS({maxAliasCount:l})}}catch(e){if(!(e instanceof ReferenceError)||!/alias count/i.test(e.message))throw e;let t;return(0,n.visit)(i,{Alias(o,s){return t={line:r.linePos(s.range?.[0]??0).line,alias:s.source},n.visit.BREAK}}),{tooManyAliases:t??{line:1,alias:""}}}}export{l as MAX_YAML_ALIASES,y as dataOf,f as parseDataRegistry};
