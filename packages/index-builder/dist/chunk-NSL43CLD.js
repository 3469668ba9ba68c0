import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{c,e as g}from"./chunk-NDJ7XQVB.js";import{d as l,e as f,f as m,h as u,i as a,q as I}from"./chunk-FX26CVYD.js";import{appendFile as O,mkdir as x}from"node:fs/promises";import{dirname as T,join as R}from"node:path";var A="restore.sql",D=`
SELECT w.ord::int AS ord, n.nspname AS schema, i.relname AS name,
       quote_ident(tn.nspname) || '.' || quote_ident(t.relname) AS table,
       pg_get_indexdef(i.oid) AS definition, obj_description(i.oid, 'pg_class') AS comment, i.relkind = 'I' AS partitioned
FROM unnest($1::text[]) WITH ORDINALITY AS w(qualified, ord)
JOIN pg_class i ON i.oid = to_regclass(w.qualified)
JOIN pg_namespace n ON n.oid = i.relnamespace
JOIN pg_index x ON x.indexrelid = i.oid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace tn ON tn.oid = t.relnamespace
ORDER BY w.ord`;async function F(e,n){let t=new Map;if(n.length===0)return t;let{rows:i}=await e.query(D,[n]),o=await g(e,i.map(r=>c(r.schema,r.name)));return i.forEach(({ord:r,...s},d)=>t.set(n[r-1],{...s,dependents:o[d]})),t}function p(e){return e.replace(/[\r\n\u2028\u2029]+/g," ")}function L(e){return`'${e.replace(/'/g,"''")}'`}function E(e,n){let t=n?I(e.definition,{name:n}):e.definition;if(e.partitioned){let o=f(l(t)??[]),r=o.find((d,N)=>m(d,"ONLY")&&m(o[N-1],"ON"));r&&(t=t.slice(0,r.start)+t.slice(r.end).trimStart());let s=f(l(t)??[]).find(d=>m(d,"INDEX"));return s?`${t.slice(0,s.end)} IF NOT EXISTS${t.slice(s.end)}`:t}let i=u(t);return i?t.slice(0,i.offset)+i.text+t.slice(i.offset):t}function S(e){if(e.comment!==null)return`COMMENT ON INDEX ${c(e.schema,e.name)} IS ${L(e.comment)};`}function $(e){return e.dependents.foreignKeys.flatMap(n=>{let t=/ NOT VALID$/.test(n.definition)?"":" NOT VALID",i=`ALTER TABLE ${n.table} ADD CONSTRAINT ${a(n.name)} ${n.definition}${t};`;return n.validated?[i,`ALTER TABLE ${n.table} VALIDATE CONSTRAINT ${a(n.name)};`]:[i]})}function B(e){let n=e.dependents.constraint,t=[`-- ${p(`${e.schema}.${e.name} on ${e.table}`)}, as it was before index-builder dropped it`];if(n?.type==="x")t.push(`ALTER TABLE ${e.table} ADD CONSTRAINT ${a(n.name)} ${n.definition};`);else if(t.push(`${E(e)};`),n){let o=n.type==="p"?"PRIMARY KEY":"UNIQUE",r=/ DEFERRABLE( INITIALLY DEFERRED)?$/.exec(n.definition)?.[0]??"";t.push(`ALTER TABLE ${e.table} ADD CONSTRAINT ${a(n.name)} ${o} USING INDEX ${a(e.name)}${r};`)}let i=S(e);return i&&t.push(i),t.push(...$(e)),t.join(`
`)}function P(e,n){let t=c(e.schema,e.name),i=[`-- ${p(`${e.schema}.${e.name} on ${e.table}`)}, as it was before index-builder swapped in a new definition`,`${E(e,n)};`],o=e.dependents.foreignKeys;if(o.length>0){i.push("BEGIN;","SET LOCAL lock_timeout = 2000;");for(let s of o)i.push(`ALTER TABLE ${s.table} DROP CONSTRAINT ${a(s.name)};`);i.push(`DROP INDEX ${t};`)}else i.push(`DROP INDEX CONCURRENTLY IF EXISTS ${t};`);if(i.push(`ALTER INDEX ${c(e.schema,n)} RENAME TO ${a(e.name)};`),o.length>0){let s=$(e);i.push(...s.filter(d=>d.includes(" ADD CONSTRAINT ")),"COMMIT;",...s.filter(d=>d.includes(" VALIDATE ")))}let r=S(e);return r&&i.push(r),i.join(`
`)}function w(e){return[...e.indexes.flatMap(n=>n.restore?[n.restore]:[]),...(e.orphans??[]).flatMap(n=>n.dropped&&n.restore?[n.restore]:[])]}function X(e){return e?R(T(e),A):A}async function Y(e,n,t,i=new Date){let o=w(n);if(o.length===0)return;await x(T(e),{recursive:!0});let r=`-- index-builder build on ${p(t)} at ${i.toISOString()}: run what follows to undo its drops and swaps`;return await O(e,`${r}
${o.join(`

`)}

`),e}export{F as a,B as b,P as c,X as d,Y as e};
