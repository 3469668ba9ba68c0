import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
import{readFileSync as S,existsSync as O}from"node:fs";import{createRequire as _}from"node:module";import{dirname as h,join as C}from"node:path";import{fileURLToPath as R}from"node:url";import y from"node:v8";import c from"node:vm";var L="libpg-query.js",$="libpg-query.wasm";function T(e){let n=h(R(import.meta.url)),r=C(n,e);return O(r)?r:_(import.meta.url).resolve(`libpg-query/wasm/${e}`)}function P(){return[...process.execArgv,process.env.NODE_OPTIONS??""].some(e=>/liftoff|wasm-tier/.test(e))}function U(e){if(P())return e();y.setFlagsFromString("--liftoff-only");try{return e()}finally{y.setFlagsFromString("--no-liftoff-only")}}function v(){let e=T(L),n=new WebAssembly.Module(S(T($))),r={exports:{}},t={module:r,exports:r.exports,require:_(e),__filename:e,__dirname:h(e),process,console,setTimeout,clearTimeout,TextDecoder,TextEncoder,URL,performance,WebAssembly,result:{},instantiateWasm:(s,d)=>(d(new WebAssembly.Instance(n,s)),{})},i=c.createContext(t,{microtaskMode:"afterEvaluate"});c.runInContext(S(e,"utf8"),i,{filename:e}),c.runInContext("module.exports({ instantiateWasm }).then((m) => { result.module = m; }, (e) => { result.error = e; });",i);let o=t.result;if(o.error!==void 0)throw o.error;if(!o.module)throw new Error(`libpg-query did not initialise synchronously (${e})`);return o.module}var F;function m(){return F??=U(v)}function E(e,n){let r=m(),t=Buffer.from(e,"utf8"),i=r._malloc(t.length+1);try{let o=r.HEAPU8;return o.set(t,i),o[i+t.length]=0,n(i)}finally{r._free(i)}}function N(e){let n=m();return E(e,r=>{let t=n._wasm_parse_query_raw(r);if(!t)throw new Error("Failed to parse query: memory allocation failed");try{let i=n.getValue(t,"i32"),o=n.getValue(t+8,"i32");if(o){let s=n.getValue(o,"i32"),d=n.getValue(o+16,"i32"),b=s?n.UTF8ToString(s):"Unknown error",x=new Error(b);throw x.sqlDetails={message:b,cursorPosition:d>0?d-1:0},x}if(!i)throw new Error("No parse tree generated");return JSON.parse(n.UTF8ToString(i))}finally{n._wasm_free_parse_result(t)}})}function w(e){let n=m();return E(e,r=>{let t=n._wasm_scan(r);try{let i=n.UTF8ToString(t);if(i.startsWith("syntax error")||i.startsWith("deparse error")||i.startsWith("ERROR"))throw new Error(i);return JSON.parse(i)}finally{t&&n._wasm_free_string(t)}})}var f=class extends Error{constructor(r,t){super(r);this.offset=t;this.name="SqlSyntaxError"}offset};function oe(e){try{return N(e).stmts??[]}catch(n){let r=n.sqlDetails,t=r?.message??n.message??String(n),i=r?.cursorPosition;throw new f(t,typeof i=="number"&&i>=0?i:void 0)}}function k(e){return w(e)}function se(e){return e?Object.keys(e)[0]:void 0}function I(e){if(/^[\x00-\x7f]*$/.test(e))return i=>i;let n=Buffer.byteLength(e,"utf8"),r=new Uint32Array(n+1),t=0;for(let i=0;i<e.length;i++){let o=e.charCodeAt(i),s;if(o<128)s=1;else if(o<2048)s=2;else if(o>=55296&&o<=56319&&D(e.charCodeAt(i+1))){r.fill(i,t,t+4),t+=4,i++;continue}else s=3;r.fill(i,t,t+s),t+=s}return r[n]=e.length,i=>r[Math.max(0,Math.min(i,n))]}function D(e){return e>=56320&&e<=57343}var W={IDENT:"identifier",UIDENT:"identifier",SCONST:"string",USCONST:"string",BCONST:"string",XCONST:"string",ICONST:"number",FCONST:"number",PARAM:"parameter",SQL_COMMENT:"comment",C_COMMENT:"comment"},l=new Map,M=64;function g(e){if(l.has(e))return l.get(e);let n=Q(e);return l.size>=M&&l.delete(l.keys().next().value),l.set(e,n),n}function Q(e){if(e.trim()==="")return[];let n;try{n=k(e).tokens}catch{return}let r=I(e);return n.map(t=>{let i=t.keywordKind>0?t.text.toUpperCase():void 0;return{kind:i?"keyword":K(t.tokenName,t.text),start:r(t.start),end:r(t.end),text:t.text,keyword:i,keywordKind:t.keywordKind}})}function K(e,n){let r=W[e];return r||(e.startsWith("ASCII_")||n==="."?"punctuation":n.startsWith('U&"')?"identifier":n.startsWith("U&'")?"string":"operator")}function q(e){return e.filter(n=>n.kind!=="comment")}function a(e,...n){return e?.keyword!==void 0&&n.includes(e.keyword)}function ce(e,n){return e?.kind==="punctuation"&&e.text===n}var H=63;function ge(e){return j(q(g(e)??[]))}function j(e){let n=J(e);if(n===-1)return;let r=a(e[n+1],"CONCURRENTLY"),t=r?n+2:n+1,i=a(e[t],"IF")&&a(e[t+1],"NOT")&&a(e[t+2],"EXISTS");if(r&&i)return;let o=e[r?n+1:n],s=`${r?"":" CONCURRENTLY"}${i?"":" IF NOT EXISTS"}`;return{offset:o.end,text:s}}function J(e){if(!a(e[0],"CREATE"))return-1;let n=a(e[1],"UNIQUE")?2:1;return a(e[n],"INDEX")?n:-1}var u=new Map,X=4096;function p(e){if(/^[a-z_][a-z0-9_]*$/.test(e)){if(/[0-9]/.test(e))return e;let n=u.get(e);if(n===void 0){let r=g(e),t=r?.length===1?r[0]:void 0;n=!(t&&(t.keywordKind===0||t.keywordKind===1)),u.size>=X&&u.clear(),u.set(e,n)}if(!n)return e}return`"${e.replace(/"/g,'""')}"`}function pe(e,n=H){let r=e;for(;Buffer.byteLength(r,"utf8")>n;)r=r.slice(0,-1);return r}var Y=`
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
ORDER BY l.ord`;async function Se(e,n){if(n.length===0)return[];let{rows:r}=await e.query(Y,[n.map(t=>t.indexName),n.map(t=>t.schema??null),n.map(t=>t.tableSchema??null),n.map(t=>t.tableName),n.map(t=>t.fingerprint??null)]);return r.map(t=>({schema:t.schema,tableExists:t.table_exists,tableKind:t.table_kind,exists:t.exists,relkind:t.relkind,valid:t.valid,indexTable:t.index_table,onExpectedTable:t.on_expected_table,buildingPid:t.building_pid,comment:t.comment,definition:t.definition}))}function ye(e,n){if(!n.exists)return{kind:"missing"};let r=`${n.schema}.${e.indexName}`;return n.relkind!=="i"&&n.relkind!=="I"?{kind:"conflict",message:`"${r}" already exists and is not an index (relkind ${n.relkind}); rename the entry or the relation`}:n.tableExists&&!n.onExpectedTable?{kind:"conflict",message:`an index named "${r}" already exists on ${n.indexTable}, not on ${e.tableName}; rename the entry or drop that index`}:n.valid?{kind:"valid"}:n.buildingPid!==null?{kind:"in-progress",pid:n.buildingPid}:{kind:"invalid"}}function A(e,n){return`${p(e)}.${p(n)}`}var B=/\[index-builder ([0-9a-f]{16})\]/;function z(e){return`${e.description?`${e.description} `:""}[index-builder ${e.fingerprint}]`}function he(e){return e?B.exec(e)?.[1]:void 0}async function Ee(e,n,r){await e.query(`COMMENT ON INDEX ${A(n,r.indexName)} IS ${e.escapeLiteral(z(r))}`)}export{f as a,oe as b,se as c,g as d,q as e,a as f,ce as g,H as h,ge as i,p as j,pe as k,Se as l,ye as m,A as n,he as o,Ee as p};
