import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
function i(t){let e=/^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(t),n=Number(e?.[1]),r=Number(e?.[2]);if(!e||r<1||n<1||n>r)throw new Error(`"${t}" is not a shard: write i/K with 1 \u2264 i \u2264 K, e.g. 2/4`);return{index:n,count:r}}function o(t,e){let n=[...t].sort((s,a)=>s<a?-1:s>a?1:0),r=Array.from({length:e},()=>[]);return n.forEach((s,a)=>r[a%e].push(s)),r}function d(t,e){let n=new Set(o(t.map(r=>r.name),e.count)[e.index-1]);return t.filter(r=>n.has(r.name))}function c(t,e){return{include:o(t.map(r=>r.name),e).map((r,s)=>({shard:`${s+1}/${e}`,targets:r})).filter(r=>r.targets.length>0)}}export{i as a,d as b,c};
