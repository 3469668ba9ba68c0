import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
function d(r){if(!r)return[];let e=new Set;try{let n=new URL(r);for(let t of[n.password,n.searchParams.get("password")??""])if(t){e.add(t);try{let i=decodeURIComponent(t);e.add(i),e.add(encodeURIComponent(i))}catch{}}}catch{}return[...e].filter(n=>n.length>0)}function o(r,e){return[...e].sort((n,t)=>t.length-n.length).reduce((n,t)=>n.split(t).join("***"),r)}var s=class{#e=new Set;#t;addUrl(e,n={}){let t=d(e);return this.add(...n.whole&&e&&t.length>0?[e,...t]:t)}add(...e){let n=[];for(let t of e)!t||this.#e.has(t)||(this.#e.add(t),n.push(t));return n.length>0&&(this.#t=void 0),n}get values(){return[...this.#e]}redact(e){return this.#e.size===0?e:(this.#t??=new RegExp([...this.#e].sort((n,t)=>t.length-n.length).map(n=>n.replace(/[.*+?^${}()|[\]\\]/g,"\\$&")).join("|"),"g"),e.replace(this.#t,"***"))}redactDeep(e){return this.#e.size===0?e:JSON.parse(JSON.stringify(e),(n,t)=>typeof t=="string"?this.redact(t):t)}};function a(r){let e=new s;return e.addUrl(r.DATABASE_URL),e.add(r.PGPASSWORD),e}export{d as a,o as b,s as c,a as d};
