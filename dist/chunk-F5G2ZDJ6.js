import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{readFileSync as x,existsSync as C}from"node:fs";import{createRequire as _}from"node:module";import{dirname as h,join as O}from"node:path";import{fileURLToPath as q}from"node:url";import y from"node:v8";import u from"node:vm";var R="libpg-query.js",L="libpg-query.wasm";function S(e){let n=h(q(import.meta.url)),r=O(n,e);return C(r)?r:_(import.meta.url).resolve(`libpg-query/wasm/${e}`)}function $(){return[...process.execArgv,process.env.NODE_OPTIONS??""].some(e=>/liftoff|wasm-tier/.test(e))}function P(e){if($())return e();y.setFlagsFromString("--liftoff-only");try{return e()}finally{y.setFlagsFromString("--no-liftoff-only")}}function U(){let e=S(R),n=new WebAssembly.Module(x(S(L))),r={exports:{}},t={module:r,exports:r.exports,require:_(e),__filename:e,__dirname:h(e),process,console,setTimeout,clearTimeout,TextDecoder,TextEncoder,URL,performance,WebAssembly,result:{},instantiateWasm:(o,l)=>(l(new WebAssembly.Instance(n,o)),{})},i=u.createContext(t,{microtaskMode:"afterEvaluate"});u.runInContext(x(e,"utf8"),i,{filename:e}),u.runInContext("module.exports({ instantiateWasm }).then((m) => { result.module = m; }, (e) => { result.error = e; });",i);let s=t.result;if(s.error!==void 0)throw s.error;if(!s.module)throw new Error(`libpg-query did not initialise synchronously (${e})`);return s.module}var F;function c(){return F??=P(U)}function T(e,n){let r=c(),t=Buffer.from(e,"utf8"),i=r._malloc(t.length+1);try{let s=r.HEAPU8;return s.set(t,i),s[i+t.length]=0,n(i)}finally{r._free(i)}}function E(e){let n=c();return T(e,r=>{let t=n._wasm_parse_query_raw(r);if(!t)throw new Error("Failed to parse query: memory allocation failed");try{let i=n.getValue(t,"i32"),s=n.getValue(t+8,"i32");if(s){let o=n.getValue(s,"i32"),l=n.getValue(s+16,"i32"),g=o?n.UTF8ToString(o):"Unknown error",b=new Error(g);throw b.sqlDetails={message:g,cursorPosition:l>0?l-1:0},b}if(!i)throw new Error("No parse tree generated");return JSON.parse(n.UTF8ToString(i))}finally{n._wasm_free_parse_result(t)}})}function N(e){let n=c();return T(e,r=>{let t=n._wasm_scan(r);try{let i=n.UTF8ToString(t);if(i.startsWith("syntax error")||i.startsWith("deparse error")||i.startsWith("ERROR"))throw new Error(i);return JSON.parse(i)}finally{t&&n._wasm_free_string(t)}})}var m=class extends Error{constructor(r,t){super(r);this.offset=t;this.name="SqlSyntaxError"}offset};function te(e){try{return E(e).stmts??[]}catch(n){let r=n.sqlDetails,t=r?.message??n.message??String(n),i=r?.cursorPosition;throw new m(t,typeof i=="number"&&i>=0?i:void 0)}}function w(e){return N(e)}function re(e){return e?Object.keys(e)[0]:void 0}function k(e){if(/^[\x00-\x7f]*$/.test(e))return i=>i;let n=Buffer.byteLength(e,"utf8"),r=new Uint32Array(n+1),t=0;for(let i=0;i<e.length;i++){let s=e.charCodeAt(i),o;if(s<128)o=1;else if(s<2048)o=2;else if(s>=55296&&s<=56319&&v(e.charCodeAt(i+1))){r.fill(i,t,t+4),t+=4,i++;continue}else o=3;r.fill(i,t,t+o),t+=o}return r[n]=e.length,i=>r[Math.max(0,Math.min(i,n))]}function v(e){return e>=56320&&e<=57343}var W={IDENT:"identifier",UIDENT:"identifier",SCONST:"string",USCONST:"string",BCONST:"string",XCONST:"string",ICONST:"number",FCONST:"number",PARAM:"parameter",SQL_COMMENT:"comment",C_COMMENT:"comment"},d=new Map,D=64;function f(e){if(d.has(e))return d.get(e);let n=M(e);return d.size>=D&&d.delete(d.keys().next().value),d.set(e,n),n}function M(e){if(e.trim()==="")return[];let n;try{n=w(e).tokens}catch{return}let r=k(e);return n.map(t=>{let i=t.keywordKind>0?t.text.toUpperCase():void 0;return{kind:i?"keyword":Q(t.tokenName,t.text),start:r(t.start),end:r(t.end),text:t.text,keyword:i,keywordKind:t.keywordKind}})}function Q(e,n){let r=W[e];return r||(e.startsWith("ASCII_")||n==="."?"punctuation":n.startsWith('U&"')?"identifier":n.startsWith("U&'")?"string":"operator")}function I(e){return e.filter(n=>n.kind!=="comment")}function a(e,...n){return e?.keyword!==void 0&&n.includes(e.keyword)}function le(e,n){return e?.kind==="punctuation"&&e.text===n}var K=63;function ce(e){let n=I(f(e)??[]),r=H(n);if(r===-1)return;let t=a(n[r+1],"CONCURRENTLY"),i=t?r+2:r+1,s=a(n[i],"IF")&&a(n[i+1],"NOT")&&a(n[i+2],"EXISTS");if(t&&s)return;let o=n[t?r+1:r],l=`${t?"":" CONCURRENTLY"}${s?"":" IF NOT EXISTS"}`;return{offset:o.end,text:l}}function H(e){if(!a(e[0],"CREATE"))return-1;let n=a(e[1],"UNIQUE")?2:1;return a(e[n],"INDEX")?n:-1}function p(e){if(/^[a-z_][a-z0-9_]*$/.test(e)){let n=f(e),r=n?.length===1?n[0]:void 0;if(r&&(r.keywordKind===0||r.keywordKind===1))return e}return`"${e.replace(/"/g,'""')}"`}function me(e,n=K){let r=e;for(;Buffer.byteLength(r,"utf8")>n;)r=r.slice(0,-1);return r}var j=`
WITH wanted AS (
  SELECT *
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       WITH ORDINALITY AS w(index_name, index_schema, table_schema, table_name, fingerprint, ord)
), located AS (
  SELECT w.ord, w.index_name, w.fingerprint, t.oid AS table_oid, t.relkind AS table_kind,
         coalesce(tn.nspname, w.index_schema, current_schema()) AS schema_name
  FROM wanted w
  LEFT JOIN pg_class t ON t.oid = to_regclass(
         CASE WHEN w.table_schema IS NULL THEN quote_ident(w.table_name)
              ELSE quote_ident(w.table_schema) || '.' || quote_ident(w.table_name) END)
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
       CASE WHEN x.indexrelid IS NOT NULL AND NOT coalesce(
              -- Whether the comment's first mark is the target's fingerprint. PostgreSQL's regular expressions cost
              -- about 10 \xB5s a row (0.1 s for 10,000 indexes), so the usual answers come from strpos: no mark of this
              -- fingerprint anywhere, or one at the first "[index-builder " (a fingerprint is 16 hex digits, so no
              -- mark can start earlier); only the rest goes to the regular expression.
              CASE WHEN strpos(c.description, '[index-builder ' || l.fingerprint || ']') = 0 THEN false
                   WHEN strpos(c.description, '[index-builder ' || l.fingerprint || ']') = strpos(c.description, '[index-builder ') THEN true
                   ELSE substring(c.description FROM '\\[index-builder ([0-9a-f]{16})\\]') = l.fingerprint END, false)
            THEN pg_get_indexdef(x.indexrelid) END AS definition
FROM located l
LEFT JOIN pg_namespace n ON n.nspname = l.schema_name
LEFT JOIN pg_class i ON i.relnamespace = n.oid AND i.relname = l.index_name
LEFT JOIN pg_index x ON x.indexrelid = i.oid
LEFT JOIN building b ON b.index_relid = i.oid
-- obj_description(i.oid, 'pg_class') as a join: one hash join rather than a SQL function call per index.
LEFT JOIN pg_description c ON c.objoid = i.oid AND c.classoid = 'pg_class'::regclass AND c.objsubid = 0
ORDER BY l.ord`;async function ge(e,n){if(n.length===0)return[];let{rows:r}=await e.query(j,[n.map(t=>t.indexName),n.map(t=>t.schema??null),n.map(t=>t.tableSchema??null),n.map(t=>t.tableName),n.map(t=>t.fingerprint??null)]);return r.map(t=>({schema:t.schema,tableExists:t.table_exists,tableKind:t.table_kind,exists:t.exists,relkind:t.relkind,valid:t.valid,indexTable:t.index_table,onExpectedTable:t.on_expected_table,buildingPid:t.building_pid,comment:t.comment,definition:t.definition}))}function be(e,n){if(!n.exists)return{kind:"missing"};let r=`${n.schema}.${e.indexName}`;return n.relkind!=="i"&&n.relkind!=="I"?{kind:"conflict",message:`"${r}" already exists and is not an index (relkind ${n.relkind}); rename the entry or the relation`}:n.tableExists&&!n.onExpectedTable?{kind:"conflict",message:`an index named "${r}" already exists on ${n.indexTable}, not on ${e.tableName}; rename the entry or drop that index`}:n.valid?{kind:"valid"}:n.buildingPid!==null?{kind:"in-progress",pid:n.buildingPid}:{kind:"invalid"}}function A(e,n){return`${p(e)}.${p(n)}`}var J=/\[index-builder ([0-9a-f]{16})\]/;function X(e){return`${e.description?`${e.description} `:""}[index-builder ${e.fingerprint}]`}function Se(e){return e?J.exec(e)?.[1]:void 0}async function _e(e,n,r){await e.query(`COMMENT ON INDEX ${A(n,r.indexName)} IS ${e.escapeLiteral(X(r))}`)}export{m as a,te as b,re as c,f as d,I as e,a as f,le as g,K as h,ce as i,p as j,me as k,ge as l,be as m,A as n,Se as o,_e as p};
