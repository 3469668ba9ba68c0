import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
var r={"\n":"\\n","\r":"\\r","	":"\\t"},u=/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;function s(n){return n.replace(u,t=>r[t]??`\\u{${t.codePointAt(0).toString(16)}}`).replace(/##\[/g,"##\\u{5b}")}var i=/^[\s\u0085]*/;function o(n){let t=s(n),e=i.exec(t)[0];return t.startsWith("::",e.length)?`${e}\\u{3a}${t.slice(e.length+1)}`:t}function c(n){return n.split(/\r\n|\r|\n/).map(o)}export{s as a,o as b,c};
