import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{a as x}from"./chunk-RZFRHDND.js";import{a as g}from"./chunk-VSET6II6.js";import{d as p,e as f,f as c,i as u,o as N}from"./chunk-RLXSHQC4.js";import{a as E}from"./chunk-3HH65WHE.js";import{h as y,j as I,o as O}from"./chunk-37SPM5CW.js";import{c as $}from"./chunk-2255RH4N.js";import{existsSync as M}from"node:fs";import{mkdir as j,writeFile as k}from"node:fs/promises";import{dirname as P}from"node:path";var D=`
SELECT n.nspname AS schema, i.relname AS name, t.relname AS table,
       pg_get_indexdef(i.oid) AS definition,
       obj_description(i.oid, 'pg_class') AS comment,
       x.indisvalid AND x.indisready AS valid,
       n.nspname = current_schema() AS in_current_schema
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
ORDER BY n.nspname, t.relname, i.relname`;async function h(e,t){let{rows:r}=await e.query(D,[t.schemas,t.tables]);return r.map(n=>({schema:n.schema,name:n.name,table:n.table,definition:n.definition,comment:n.comment,valid:n.valid,inCurrentSchema:n.in_current_schema}))}function S(e){let t=w(e.comment);return{name:e.inCurrentSchema?e.name:`${e.schema}.${e.name}`,sql:F(e.definition),critical:!1,...t?{description:t}:{}}}function F(e){let t=e,r=f(p(t)??[]),n=r.findIndex(m=>c(m,"ON")),o=r[n+1];n!==-1&&o&&c(o,"ONLY")&&(t=t.slice(0,o.start)+t.slice(o.end).trimStart());let a=u(t);return a&&(t=t.slice(0,a.offset)+a.text+t.slice(a.offset)),t}function w(e){return e&&(N(e)?e.replace(/\s*\[index-builder [0-9a-f]{16}\]\s*$/,""):e).trim()||void 0}var R=$(E(),1);import{extname as v}from"node:path";var l={".ts":"ts",".json":"json",".yaml":"yaml",".yml":"yaml"};function _(e){return l[v(e).toLowerCase()]}function b(e,t,r){switch(t){case"json":return`${JSON.stringify(e,null,2)}
`;case"yaml":return`# ${r}
${e.length===0?`[]
`:(0,R.stringify)(e,{lineWidth:0})}`;case"ts":return C(e,r)}}function C(e,t){let r=e.map(n=>{let o=[`    name: ${d(n.name)},`,`    sql: ${d(n.sql)},`,`    critical: ${n.critical===!0},`];return n.description!==void 0&&o.push(`    description: ${d(n.description)},`),`  {
${o.join(`
`)}
  },`});return`// ${t}
import { defineIndexes } from 'index-builder';

export default defineIndexes([
${r.join(`
`)}${r.length?`
`:""}]);
`}function d(e){return`'${e.replace(/\\/g,"\\\\").replace(/'/g,"\\'").replace(/\n/g,"\\n").replace(/\r/g,"\\r").replace(/\u2028/g,"\\u2028").replace(/\u2029/g,"\\u2029")}'`}var s=class extends Error{};function A(e){return new s(`${e} already exists; pass --force to overwrite it, or choose another --output`)}async function te(e){let t=_(e.output);if(!t)throw new s(`cannot write "${e.output}": the output's extension says the format; use ${Object.keys(l).join(" ")}`);if(!e.force&&M(e.output))throw A(e.output);let r=await I(e.url),n;try{n=await h(r,e.filter)}finally{await O(r)}let o=n.filter(i=>i.valid).map(S),{problems:a}=x(o,e.output,i=>i+1),m=`Imported from ${y(e.url)} by index-builder import; review each entry, then run index-builder check.`,T=b(o,t,m);await j(P(e.output),{recursive:!0});try{await k(e.output,T,{flag:e.force?"w":"wx"})}catch(i){throw i.code==="EEXIST"?A(e.output):i}return{imported:o.length,invalid:n.filter(i=>!i.valid).map(i=>`${i.schema}.${i.name}`),undescribed:o.filter(i=>i.description===void 0).length,problems:a.map(g)}}export{s as ImportError,te as importRegistry};
