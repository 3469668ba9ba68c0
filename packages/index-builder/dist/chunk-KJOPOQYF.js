import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{d as u,e as f,f as m,h as g,n as x,o as y,t as h}from"./chunk-FX26CVYD.js";import{a as w}from"./chunk-3HH65WHE.js";import{h as O,m as N}from"./chunk-MHUBUKDC.js";import{a as I}from"./chunk-PK2G3XM4.js";import{c as p}from"./chunk-EKKMD3OK.js";import"./chunk-KXBC6G24.js";import{c as $}from"./chunk-2255RH4N.js";import{existsSync as L}from"node:fs";import{mkdir as M,writeFile as j}from"node:fs/promises";import{dirname as k}from"node:path";var D=`
SELECT n.nspname AS schema, i.relname AS name, t.relname AS table,
       pg_get_indexdef(i.oid) AS definition,
       obj_description(i.oid, 'pg_class') AS comment,
       x.indisvalid AND x.indisready AS valid,
       n.nspname = $3 AS in_current_schema
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace n ON n.oid = i.relnamespace
WHERE NOT x.indisprimary
  AND t.relkind IN ('r', 'p', 'm')
  AND NOT i.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (
    SELECT 1 FROM pg_constraint c
    WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u', 'x'))
  AND NOT EXISTS (
    SELECT 1 FROM pg_depend d
    WHERE d.classid = 'pg_class'::regclass AND d.objid IN (x.indexrelid, x.indrelid) AND d.deptype = 'e')
  AND (cardinality($1::text[]) = 0 OR n.nspname = ANY ($1))
  AND (cardinality($2::text[]) = 0 OR t.relname = ANY ($2) OR n.nspname || '.' || t.relname = ANY ($2))
ORDER BY n.nspname, t.relname, i.relname`;async function R(e,t){let n;await e.query("BEGIN READ ONLY");try{let r=await e.query("SELECT current_schema() AS schema");await e.query("SELECT set_config('search_path', 'pg_catalog', true)"),{rows:n}=await e.query(D,[t.schemas,t.tables,r.rows[0]?.schema??null])}finally{await e.query("ROLLBACK").catch(()=>{})}return n.map(r=>({schema:r.schema,name:r.name,table:r.table,definition:r.definition,comment:r.comment,valid:r.valid,inCurrentSchema:r.in_current_schema}))}function S(e){let t=C(e.comment);return{name:e.inCurrentSchema?e.name:`${e.schema}.${e.name}`,sql:F(e.definition),critical:!1,...t?{description:t}:{}}}function F(e){let t=e,n=f(u(t)??[]),r=n.findIndex(c=>m(c,"ON")),o=n[r+1];r!==-1&&o&&m(o,"ONLY")&&(t=t.slice(0,o.start)+t.slice(o.end).trimStart());let a=g(t);return a&&(t=t.slice(0,a.offset)+a.text+t.slice(a.offset)),t}function C(e){return e&&(h(e)?e.replace(/\s*\[index-builder [0-9a-f]{16}(?: (?:built|adopted) [0-9a-f]{12}(?: \d+B\/s)?)?\]\s*$/,""):e).trim()||void 0}var A=$(w(),1);import{extname as q}from"node:path";var l={".ts":"ts",".json":"json",".yaml":"yaml",".yml":"yaml"};function _(e){return l[q(e).toLowerCase()]}function b(e,t,n){switch(t){case"json":return`${JSON.stringify(e,null,2)}
`;case"yaml":return`# ${n}
${e.length===0?`[]
`:(0,A.stringify)(e,{lineWidth:0})}`;case"ts":return v(e,n)}}function v(e,t){let n=e.map(r=>{let o=[`    name: ${d(r.name)},`,`    sql: ${d(r.sql)},`,`    critical: ${r.critical===!0},`];return r.description!==void 0&&o.push(`    description: ${d(r.description)},`),`  {
${o.join(`
`)}
  },`});return`// ${t}
import { defineIndexes } from 'index-builder';

export default defineIndexes([
${n.join(`
`)}${n.length?`
`:""}]);
`}function d(e){return`'${e.replace(/\\/g,"\\\\").replace(/'/g,"\\'").replace(/\n/g,"\\n").replace(/\r/g,"\\r").replace(/\u2028/g,"\\u2028").replace(/\u2029/g,"\\u2029")}'`}var s=class extends Error{};function E(e){return new s(`${e} already exists; pass --force to overwrite it, or choose another --output`)}async function ie(e){let t=_(e.output);if(!t)throw new s(`cannot write "${e.output}": the output's extension says the format; use ${Object.keys(l).join(" ")}`);if(!e.force&&L(e.output))throw E(e.output);let n=await O(e.url),r;try{await n.query(`BEGIN READ ONLY; ${I("transaction")}`),r=await R(n,e.filter)}finally{await n.query("ROLLBACK").catch(()=>{}),await N(n)}let o=r.filter(i=>i.valid).map(S),{problems:a}=y(o,e.output,i=>i+1),c=`Imported from ${p(e.url)} by index-builder import; review each entry, then run index-builder check.`,T=b(o,t,c);await M(k(e.output),{recursive:!0});try{await j(e.output,T,{flag:e.force?"w":"wx"})}catch(i){throw i.code==="EEXIST"?E(e.output):i}return{imported:o.length,invalid:r.filter(i=>!i.valid).map(i=>`${i.schema}.${i.name}`),undescribed:o.filter(i=>i.description===void 0).length,problems:a.map(x)}}export{s as ImportError,ie as importRegistry};
