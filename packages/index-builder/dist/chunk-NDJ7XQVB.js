import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{b as c,c as m,i as s,m as p,r as g,s as u}from"./chunk-FX26CVYD.js";var x=`
WITH wanted AS (
  SELECT *
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       WITH ORDINALITY AS w(index_name, index_schema, table_schema, table_name, fingerprint, ord)
), located AS (
  SELECT w.ord, w.index_name, w.fingerprint, t.oid AS table_oid, t.relkind AS table_kind,
         coalesce(tn.nspname, w.index_schema, current_schema()) AS schema_name
  FROM wanted w
  -- A schema-qualified table is looked up by name, not resolved with to_regclass: that raises "permission denied for
  -- schema" where the role lacks USAGE, and would end the whole read; the entry's own steps then meet the error.
  LEFT JOIN pg_namespace qn ON qn.nspname = w.table_schema
  LEFT JOIN pg_class qt ON qt.relnamespace = qn.oid AND qt.relname = w.table_name
  LEFT JOIN pg_class t ON t.oid = CASE WHEN w.table_schema IS NULL THEN to_regclass(quote_ident(w.table_name)) ELSE qt.oid END
  LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
), building AS MATERIALIZED (
  -- Read once: the view calls pg_stat_get_progress_info over every backend.
  SELECT p.index_relid, min(p.pid) AS pid
  FROM pg_stat_progress_create_index p
  WHERE p.pid <> pg_backend_pid()
  GROUP BY p.index_relid
)
SELECT l.ord::int AS ord,
       l.schema_name AS schema,
       l.table_oid IS NOT NULL AS table_exists,
       l.table_kind::text AS table_kind,
       i.oid IS NOT NULL AS exists,
       i.relkind::text AS relkind,
       coalesce(x.indisvalid AND x.indisready, false) AS valid,
       x.indrelid::regclass::text AS index_table,
       coalesce(x.indrelid = l.table_oid, false) AS on_expected_table,
       b.pid AS building_pid,
       c.description AS comment,
       x.indexrelid AS index_oid,
       ${g("x","i")} AS definition_hash
FROM located l
LEFT JOIN pg_namespace n ON n.nspname = l.schema_name
LEFT JOIN pg_class i ON i.relnamespace = n.oid AND i.relname = l.index_name
LEFT JOIN pg_index x ON x.indexrelid = i.oid
LEFT JOIN building b ON b.index_relid = i.oid
-- obj_description(i.oid, 'pg_class') as a join: one hash join rather than a SQL function call per index.
LEFT JOIN pg_description c ON c.objoid = i.oid AND c.classoid = 'pg_class'::regclass AND c.objsubid = 0
ORDER BY l.ord`,_="SELECT pg_get_indexdef(o) AS definition FROM unnest($1::oid[]) WITH ORDINALITY AS w(o, ord) ORDER BY ord";async function h(a,e){if(e.length===0)return[];let{rows:i}=await a.query(x,[e.map(n=>n.indexName),e.map(n=>n.schema??null),e.map(n=>n.tableSchema??null),e.map(n=>n.tableName),e.map(n=>n.fingerprint??null)]),o=i.map((n,t)=>{let d=u(n.comment);return n.index_oid!==null&&d!==void 0&&d.origin!=="unknown"&&d.fingerprint===e[t].fingerprint&&d.definitionHash===n.definition_hash}),l=i.flatMap((n,t)=>n.index_oid!==null&&!o[t]?[t]:[]),r=i.map(()=>null);if(l.length>0){let n=await a.query(_,[l.map(t=>i[t].index_oid)]);l.forEach((t,d)=>r[t]=n.rows[d].definition)}return i.map((n,t)=>({schema:n.schema,tableExists:n.table_exists,tableKind:n.table_kind,exists:n.exists,relkind:n.relkind,valid:n.valid,indexTable:n.index_table,onExpectedTable:n.on_expected_table,buildingPid:n.building_pid,comment:n.comment,markCurrent:o[t],definition:r[t]}))}function A(a,e){if(!e.exists)return{kind:"missing"};let i=`${e.schema}.${a.indexName}`;return e.relkind!=="i"&&e.relkind!=="I"?{kind:"conflict",message:`"${i}" already exists and is not an index (relkind ${e.relkind}); rename the entry or the relation`}:e.tableExists&&!e.onExpectedTable?{kind:"conflict",message:`an index named "${i}" already exists on ${e.indexTable}, not on ${a.tableName}; rename the entry or drop that index`}:e.valid?{kind:"valid"}:e.buildingPid!==null?{kind:"in-progress",pid:e.buildingPid}:{kind:"invalid"}}function f(a,e){return`${s(a)}.${s(e)}`}var b={constraint:null,foreignKeys:[]},E=`
WITH wanted AS (
  SELECT w.ord, to_regclass(w.qualified)::oid AS index_oid FROM unnest($1::text[]) WITH ORDINALITY AS w(qualified, ord)
), backed AS (
  SELECT DISTINCT ON (c.conindid) c.conindid,
         json_build_object('name', c.conname, 'type', c.contype, 'definition', pg_get_constraintdef(c.oid)) AS constraint
  FROM pg_constraint c
  WHERE c.contype IN ('p', 'u', 'x') AND c.conindid IN (SELECT index_oid FROM wanted)
  ORDER BY c.conindid, c.conname
), referencing AS (
  SELECT f.conindid,
         json_agg(json_build_object('name', f.conname, 'table', f.conrelid::regclass::text,
                  'definition', pg_get_constraintdef(f.oid), 'validated', f.convalidated,
                  'columns', (SELECT coalesce(array_agg(a.attname::text ORDER BY a.attnum), '{}') FROM pg_attribute a
                               WHERE a.attrelid = f.confrelid AND a.attnum = ANY (f.confkey))) ORDER BY f.conname) AS foreign_keys
  FROM pg_constraint f
  WHERE f.contype = 'f' AND f.conparentid = 0 AND f.conindid IN (SELECT index_oid FROM wanted)
  GROUP BY f.conindid
)
SELECT w.ord::int AS ord, b.constraint, coalesce(r.foreign_keys, '[]') AS foreign_keys
FROM wanted w
LEFT JOIN backed b ON b.conindid = w.index_oid
LEFT JOIN referencing r ON r.conindid = w.index_oid
ORDER BY w.ord`;async function S(a,e){if(e.length===0)return[];let{rows:i}=await a.query(E,[e]);return i.map(o=>({constraint:o.constraint,foreignKeys:o.foreign_keys}))}async function L(a,e,i,o){let l=e.flatMap((t,d)=>o[d]?.kind==="different"?[d]:[]),r=await S(a,l.map(t=>f(i[t].schema,e[t].indexName))),n=e.map(()=>b);return l.forEach((t,d)=>n[t]=r[d]),n}function w(a,e){let i;try{i=m(c(a.sql)[0]?.stmt)}catch{return!1}if(!i||p("unique",i)!==void 0)return!1;let o=(i.node.indexParams??[]).map(r=>r.IndexElem?.name??""),l=[...new Set(o)].sort().join("\0");return e.every(r=>[...new Set(r.columns)].sort().join("\0")===l&&r.columns.length===o.length)}function D(a){return a.map(e=>`"${e.name}" on ${e.table}`).join(", ")}export{h as a,A as b,f as c,b as d,S as e,L as f,w as g,D as h};
