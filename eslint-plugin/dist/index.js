import { createRequire as __ib_createRequire } from 'node:module';
import { fileURLToPath as __ib_fileURLToPath } from 'node:url';
import { dirname as __ib_dirname } from 'node:path';
const require = __ib_createRequire(import.meta.url);
const __filename = __ib_fileURLToPath(import.meta.url);
const __dirname = __ib_dirname(__filename);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/@pgsql/types/types.js
var require_types = __commonJS({
  "node_modules/@pgsql/types/types.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/@pgsql/types/enums.js
var require_enums = __commonJS({
  "node_modules/@pgsql/types/enums.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/@pgsql/types/index.js
var require_types2 = __commonJS({
  "node_modules/@pgsql/types/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    __exportStar(require_types(), exports);
    __exportStar(require_enums(), exports);
  }
});

// node_modules/libpg-query/wasm/libpg-query.js
var require_libpg_query = __commonJS({
  "node_modules/libpg-query/wasm/libpg-query.js"(exports, module) {
    var PgQueryModule = (() => {
      var _scriptName = globalThis.document?.currentScript?.src;
      return async function(moduleArg = {}) {
        var Module = moduleArg;
        var ENVIRONMENT_IS_WEB = !!globalThis.window;
        var ENVIRONMENT_IS_WORKER = !!globalThis.WorkerGlobalScope;
        var ENVIRONMENT_IS_NODE = globalThis.process?.versions?.node && globalThis.process?.type != "renderer";
        var programArgs = [];
        var thisProgram = "./this.program";
        var quit_ = (status, toThrow) => {
          throw toThrow;
        };
        if (typeof __filename != "undefined") {
          _scriptName = __filename;
        } else if (ENVIRONMENT_IS_WORKER) {
          _scriptName = self.location.href;
        }
        var scriptDirectory = "";
        function locateFile(path) {
          if (Module["locateFile"]) {
            return Module["locateFile"](path, scriptDirectory);
          }
          return scriptDirectory + path;
        }
        var readAsync, readBinary;
        if (ENVIRONMENT_IS_NODE) {
          var fs = __require("node:fs");
          scriptDirectory = __dirname + "/";
          readBinary = (filename) => {
            filename = isFileURI(filename) ? new URL(filename) : filename;
            var ret = fs.readFileSync(filename);
            return ret;
          };
          readAsync = async (filename, binary = true) => {
            filename = isFileURI(filename) ? new URL(filename) : filename;
            var ret = fs.readFileSync(filename, binary ? void 0 : "utf8");
            return ret;
          };
          if (process.argv.length > 1) {
            thisProgram = process.argv[1].replace(/\\/g, "/");
          }
          programArgs = process.argv.slice(2);
          quit_ = (status, toThrow) => {
            process.exitCode = status;
            throw toThrow;
          };
        } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
          try {
            scriptDirectory = new URL(".", _scriptName).href;
          } catch {
          }
          {
            if (ENVIRONMENT_IS_WORKER) {
              readBinary = (url) => {
                var xhr = new XMLHttpRequest();
                xhr.open("GET", url, false);
                xhr.responseType = "arraybuffer";
                xhr.send(null);
                return new Uint8Array(xhr.response);
              };
            }
            readAsync = async (url) => {
              var response = await fetch(url, { credentials: "same-origin" });
              if (response.ok) {
                return response.arrayBuffer();
              }
              throw new Error(response.status + " : " + response.url);
            };
          }
        } else {
        }
        var out = console.log.bind(console);
        var err = console.error.bind(console);
        var wasmBinary;
        var ABORT = false;
        var EXITSTATUS;
        var isFileURI = (filename) => filename.startsWith("file://");
        class EmscriptenEH {
        }
        class EmscriptenSjLj extends EmscriptenEH {
        }
        var runtimeInitialized = false;
        function getMemoryBuffer() {
          return wasmMemory.buffer;
        }
        function updateMemoryViews() {
          if (HEAP8?.buffer?.resizable) return;
          var b = getMemoryBuffer();
          HEAP8 = new Int8Array(b);
          HEAP16 = new Int16Array(b);
          Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
          HEAPU16 = new Uint16Array(b);
          HEAP32 = new Int32Array(b);
          Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
          HEAPF32 = new Float32Array(b);
          HEAPF64 = new Float64Array(b);
          HEAP64 = new BigInt64Array(b);
          HEAPU64 = new BigUint64Array(b);
        }
        function preRun() {
          var preRun2 = Module["preRun"];
          if (preRun2) {
            if (typeof preRun2 == "function") preRun2 = [preRun2];
            onPreRuns.push(...preRun2);
          }
          callRuntimeCallbacks(onPreRuns);
        }
        function initRuntime() {
          runtimeInitialized = true;
          if (!Module["noFSInit"] && !FS.initialized) FS.init();
          TTY.init();
          wasmExports["A"]();
          FS.ignorePermissions = false;
        }
        function postRun() {
          var postRun2 = Module["postRun"];
          if (postRun2) {
            if (typeof postRun2 == "function") postRun2 = [postRun2];
            onPostRuns.push(...postRun2);
          }
          callRuntimeCallbacks(onPostRuns);
        }
        function abort(what) {
          Module["onAbort"]?.(what);
          what = `Aborted(${what})`;
          err(what);
          ABORT = true;
          what += ". Build with -sASSERTIONS for more info.";
          var e = new WebAssembly.RuntimeError(what);
          throw e;
        }
        var wasmBinaryFile;
        function findWasmBinary() {
          return locateFile("libpg-query.wasm");
        }
        function getBinarySync(file) {
          if (readBinary) {
            return readBinary(file);
          }
          throw "both async and sync fetching of the wasm failed";
        }
        async function getWasmBinary(binaryFile) {
          if (!wasmBinary) {
            try {
              var response = await readAsync(binaryFile);
              return new Uint8Array(response);
            } catch {
            }
          }
          return getBinarySync(binaryFile);
        }
        async function instantiateArrayBuffer(binaryFile, imports) {
          try {
            var binary = await getWasmBinary(binaryFile);
            var instance = await WebAssembly.instantiate(binary, imports);
            return instance;
          } catch (reason) {
            err(`failed to asynchronously prepare wasm: ${reason}`);
            abort(reason);
          }
        }
        async function instantiateAsync(binary, binaryFile, imports) {
          if (!binary && !ENVIRONMENT_IS_NODE) {
            try {
              var response = fetch(binaryFile, { credentials: "same-origin" });
              var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
              return instantiationResult;
            } catch (reason) {
              err(`wasm streaming compile failed: ${reason}`);
              err("falling back to ArrayBuffer instantiation");
            }
          }
          return instantiateArrayBuffer(binaryFile, imports);
        }
        function getWasmImports() {
          var imports = { a: wasmImports };
          return imports;
        }
        async function createWasm() {
          function receiveInstance(instance) {
            wasmExports = instance.exports;
            assignWasmExports(wasmExports);
            updateMemoryViews();
            return wasmExports;
          }
          function receiveInstantiationResult(result2) {
            return receiveInstance(result2["instance"]);
          }
          var info = getWasmImports();
          var instantiateWasm = Module["instantiateWasm"];
          if (instantiateWasm) {
            return new Promise((resolve) => {
              instantiateWasm(info, (inst) => resolve(receiveInstance(inst)));
            });
          }
          wasmBinaryFile ??= findWasmBinary();
          var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info);
          var exports2 = receiveInstantiationResult(result);
          return exports2;
        }
        class ExitStatus {
          name = "ExitStatus";
          constructor(status) {
            this.message = `Program terminated with exit(${status})`;
            this.status = status;
          }
        }
        var HEAP16;
        var HEAP32;
        var HEAP64;
        var HEAP8;
        var HEAPF32;
        var HEAPF64;
        var HEAPU16;
        var HEAPU32;
        var HEAPU64;
        var HEAPU8;
        var callRuntimeCallbacks = (callbacks) => {
          while (callbacks.length > 0) {
            callbacks.shift()(Module);
          }
        };
        var onPostRuns = [];
        var onPreRuns = [];
        function getValue(ptr, type = "i8") {
          if (type.endsWith("*")) type = "*";
          switch (type) {
            case "i1":
              return HEAP8[ptr];
            case "i8":
              return HEAP8[ptr];
            case "i16":
              return HEAP16[ptr >> 1];
            case "i32":
              return HEAP32[ptr >> 2];
            case "i64":
              return HEAP64[ptr >> 3];
            case "float":
              return HEAPF32[ptr >> 2];
            case "double":
              return HEAPF64[ptr >> 3];
            case "*":
              return HEAPU32[ptr >> 2];
            default:
              abort(`invalid type for getValue: ${type}`);
          }
        }
        var noExitRuntime = true;
        var stackRestore = (val) => __emscripten_stack_restore(val);
        var stackSave = () => _emscripten_stack_get_current();
        var UTF8Decoder = globalThis.TextDecoder && new TextDecoder();
        var findStringEnd = (heapOrArray, idx, maxBytesToRead, ignoreNul) => {
          var maxIdx = idx + maxBytesToRead;
          if (ignoreNul) return maxIdx;
          while (heapOrArray[idx] && !(idx >= maxIdx)) ++idx;
          return idx;
        };
        var UTF8ArrayToString = (heapOrArray, idx = 0, maxBytesToRead, ignoreNul) => {
          var endPtr = findStringEnd(heapOrArray, idx, maxBytesToRead, ignoreNul);
          if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
            return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
          }
          var str = "";
          while (idx < endPtr) {
            var u0 = heapOrArray[idx++];
            if (!(u0 & 128)) {
              str += String.fromCharCode(u0);
              continue;
            }
            var u1 = heapOrArray[idx++] & 63;
            if ((u0 & 224) == 192) {
              str += String.fromCharCode((u0 & 31) << 6 | u1);
              continue;
            }
            var u2 = heapOrArray[idx++] & 63;
            if ((u0 & 240) == 224) {
              u0 = (u0 & 15) << 12 | u1 << 6 | u2;
            } else {
              u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
            }
            if (u0 < 65536) {
              str += String.fromCharCode(u0);
            } else {
              var ch = u0 - 65536;
              str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
            }
          }
          return str;
        };
        var UTF8ToString = (ptr, maxBytesToRead, ignoreNul) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead, ignoreNul) : "";
        var ___assert_fail = (condition, filename, line, func) => abort(`Assertion failed: ${UTF8ToString(condition)}, at: ` + [filename ? UTF8ToString(filename) : "unknown filename", line, func ? UTF8ToString(func) : "unknown function"]);
        var __abort_js = () => abort("");
        var runtimeKeepaliveCounter = 0;
        var __emscripten_runtime_keepalive_clear = () => {
          noExitRuntime = false;
          runtimeKeepaliveCounter = 0;
        };
        var __emscripten_throw_longjmp = () => {
          throw new EmscriptenSjLj();
        };
        var timers = {};
        var handleException = (e) => {
          if (e instanceof ExitStatus || e == "unwind") {
            return EXITSTATUS;
          }
          quit_(1, e);
        };
        var keepRuntimeAlive = () => noExitRuntime || runtimeKeepaliveCounter > 0;
        var _proc_exit = (code) => {
          EXITSTATUS = code;
          if (!keepRuntimeAlive()) {
            Module["onExit"]?.(code);
            ABORT = true;
          }
          quit_(code, new ExitStatus(code));
        };
        var exitJS = (status, implicit) => {
          EXITSTATUS = status;
          _proc_exit(status);
        };
        var _exit = exitJS;
        var maybeExit = () => {
          if (!keepRuntimeAlive()) {
            try {
              _exit(EXITSTATUS);
            } catch (e) {
              handleException(e);
            }
          }
        };
        var callUserCallback = (func) => {
          if (ABORT) {
            return;
          }
          try {
            return func();
          } catch (e) {
            handleException(e);
          } finally {
            maybeExit();
          }
        };
        var _emscripten_get_now = () => performance.now();
        var __setitimer_js = (which, timeout_ms) => {
          if (timers[which]) {
            clearTimeout(timers[which].id);
            delete timers[which];
          }
          if (!timeout_ms) return 0;
          var id = setTimeout(() => {
            delete timers[which];
            callUserCallback(() => __emscripten_timeout(which, _emscripten_get_now()));
          }, timeout_ms);
          timers[which] = { id, timeout_ms };
          return 0;
        };
        var getHeapMax = () => 1073741824;
        var alignMemory = (size, alignment) => Math.ceil(size / alignment) * alignment;
        var growMemory = (size) => {
          var oldHeapSize = wasmMemory.buffer.byteLength;
          var pages = (size - oldHeapSize + 65535) / 65536 | 0;
          try {
            wasmMemory.grow(pages);
            updateMemoryViews();
            return 1;
          } catch (e) {
          }
        };
        var _emscripten_resize_heap = (requestedSize) => {
          var oldSize = HEAPU8.length;
          requestedSize >>>= 0;
          var maxHeapSize = getHeapMax();
          if (requestedSize > maxHeapSize) {
            return false;
          }
          for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
            var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
            overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
            var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
            var replacement = growMemory(newSize);
            if (replacement) {
              return true;
            }
          }
          return false;
        };
        var PATH = { isAbs: (path) => path.charAt(0) === "/", splitPath: (filename) => {
          var splitPathRe = /^(\/?|)([\s\S]*?)((?:\.{1,2}|[^\/]+?|)(\.[^.\/]*|))(?:[\/]*)$/;
          return splitPathRe.exec(filename).slice(1);
        }, normalizeArray: (parts, allowAboveRoot) => {
          var up = 0;
          for (var i = parts.length - 1; i >= 0; i--) {
            var last = parts[i];
            if (last === ".") {
              parts.splice(i, 1);
            } else if (last === "..") {
              parts.splice(i, 1);
              up++;
            } else if (up) {
              parts.splice(i, 1);
              up--;
            }
          }
          if (allowAboveRoot) {
            for (; up; up--) {
              parts.unshift("..");
            }
          }
          return parts;
        }, normalize: (path) => {
          var isAbsolute = PATH.isAbs(path), trailingSlash = path.slice(-1) === "/";
          path = PATH.normalizeArray(path.split("/").filter((p) => !!p), !isAbsolute).join("/");
          if (!path && !isAbsolute) {
            path = ".";
          }
          if (path && trailingSlash) {
            path += "/";
          }
          return (isAbsolute ? "/" : "") + path;
        }, dirname: (path) => {
          var result = PATH.splitPath(path), root = result[0], dir = result[1];
          if (!root && !dir) {
            return ".";
          }
          if (dir) {
            dir = dir.slice(0, -1);
          }
          return root + dir;
        }, basename: (path) => path && path.match(/([^\/]+|\/)\/*$/)[1], join: (...paths) => PATH.normalize(paths.join("/")), join2: (l, r) => PATH.normalize(l + "/" + r) };
        var initRandomFill = () => {
          if (ENVIRONMENT_IS_NODE) {
            var nodeCrypto = __require("node:crypto");
            return (view) => (nodeCrypto.randomFillSync(view), 0);
          }
          return (view) => (crypto.getRandomValues(view), 0);
        };
        var randomFill = (view) => (randomFill = initRandomFill())(view);
        var PATH_FS = { resolve: (...args) => {
          var resolvedPath = "", resolvedAbsolute = false;
          for (var i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
            var path = i >= 0 ? args[i] : FS.cwd();
            if (typeof path != "string") {
              throw new TypeError("Arguments to path.resolve must be strings");
            } else if (!path) {
              return "";
            }
            resolvedPath = path + "/" + resolvedPath;
            resolvedAbsolute = PATH.isAbs(path);
          }
          resolvedPath = PATH.normalizeArray(resolvedPath.split("/").filter((p) => !!p), !resolvedAbsolute).join("/");
          return (resolvedAbsolute ? "/" : "") + resolvedPath || ".";
        }, relative: (from, to) => {
          from = PATH_FS.resolve(from).slice(1);
          to = PATH_FS.resolve(to).slice(1);
          function trim(arr) {
            var start = 0;
            for (; start < arr.length; start++) {
              if (arr[start] !== "") break;
            }
            var end = arr.length - 1;
            for (; end >= 0; end--) {
              if (arr[end] !== "") break;
            }
            if (start > end) return [];
            return arr.slice(start, end - start + 1);
          }
          var fromParts = trim(from.split("/"));
          var toParts = trim(to.split("/"));
          var length = Math.min(fromParts.length, toParts.length);
          var samePartsLength = length;
          for (var i = 0; i < length; i++) {
            if (fromParts[i] !== toParts[i]) {
              samePartsLength = i;
              break;
            }
          }
          var outputParts = [];
          for (var i = samePartsLength; i < fromParts.length; i++) {
            outputParts.push("..");
          }
          outputParts = outputParts.concat(toParts.slice(samePartsLength));
          return outputParts.join("/");
        } };
        var FS_stdin_getChar_buffer = [];
        var lengthBytesUTF8 = (str) => {
          var len = 0;
          for (var i = 0; i < str.length; ++i) {
            var c = str.charCodeAt(i);
            if (c <= 127) {
              len++;
            } else if (c <= 2047) {
              len += 2;
            } else if (c >= 55296 && c <= 57343) {
              len += 4;
              ++i;
            } else {
              len += 3;
            }
          }
          return len;
        };
        var stringToUTF8Array = (str, heap, outIdx, maxBytesToWrite) => {
          if (!(maxBytesToWrite > 0)) return 0;
          var startIdx = outIdx;
          var endIdx = outIdx + maxBytesToWrite - 1;
          for (var i = 0; i < str.length; ++i) {
            var u = str.codePointAt(i);
            if (u <= 127) {
              if (outIdx >= endIdx) break;
              heap[outIdx++] = u;
            } else if (u <= 2047) {
              if (outIdx + 1 >= endIdx) break;
              heap[outIdx++] = 192 | u >> 6;
              heap[outIdx++] = 128 | u & 63;
            } else if (u <= 65535) {
              if (outIdx + 2 >= endIdx) break;
              heap[outIdx++] = 224 | u >> 12;
              heap[outIdx++] = 128 | u >> 6 & 63;
              heap[outIdx++] = 128 | u & 63;
            } else {
              if (outIdx + 3 >= endIdx) break;
              heap[outIdx++] = 240 | u >> 18;
              heap[outIdx++] = 128 | u >> 12 & 63;
              heap[outIdx++] = 128 | u >> 6 & 63;
              heap[outIdx++] = 128 | u & 63;
              i++;
            }
          }
          heap[outIdx] = 0;
          return outIdx - startIdx;
        };
        var intArrayFromString = (stringy, dontAddNull, length) => {
          var len = length > 0 ? length : lengthBytesUTF8(stringy) + 1;
          var u8array = new Array(len);
          var numBytesWritten = stringToUTF8Array(stringy, u8array, 0, u8array.length);
          if (dontAddNull) u8array.length = numBytesWritten;
          return u8array;
        };
        var FS_stdin_getChar = () => {
          if (!FS_stdin_getChar_buffer.length) {
            var result = null;
            if (ENVIRONMENT_IS_NODE) {
              var BUFSIZE = 256;
              var buf = Buffer.alloc(BUFSIZE);
              var bytesRead = 0;
              var fd = process.stdin.fd;
              try {
                bytesRead = fs.readSync(fd, buf, 0, BUFSIZE);
              } catch (e) {
                if (e.toString().includes("EOF")) bytesRead = 0;
                else throw e;
              }
              if (bytesRead > 0) {
                result = buf.slice(0, bytesRead).toString("utf-8");
              }
            } else if (globalThis.window?.prompt) {
              result = window.prompt("Input: ");
              if (result !== null) {
                result += "\n";
              }
            } else {
            }
            if (!result) {
              return null;
            }
            FS_stdin_getChar_buffer = intArrayFromString(result, true);
          }
          return FS_stdin_getChar_buffer.shift();
        };
        var TTY = { ttys: [], init() {
        }, shutdown() {
        }, register(dev, ops) {
          TTY.ttys[dev] = { input: [], output: [], ops };
          FS.registerDevice(dev, TTY.stream_ops);
        }, stream_ops: { open(stream) {
          var tty = TTY.ttys[stream.node.rdev];
          if (!tty) {
            throw new FS.ErrnoError(43);
          }
          stream.tty = tty;
          stream.seekable = false;
        }, close(stream) {
          stream.tty.ops.fsync(stream.tty);
        }, fsync(stream) {
          stream.tty.ops.fsync(stream.tty);
        }, read(stream, buffer, offset, length, pos) {
          if (!stream.tty || !stream.tty.ops.get_char) {
            throw new FS.ErrnoError(60);
          }
          var bytesRead = 0;
          for (var i = 0; i < length; i++) {
            var result;
            try {
              result = stream.tty.ops.get_char(stream.tty);
            } catch (e) {
              throw new FS.ErrnoError(29);
            }
            if (result === void 0 && bytesRead === 0) {
              throw new FS.ErrnoError(6);
            }
            if (result === null || result === void 0) break;
            bytesRead++;
            buffer[offset + i] = result;
          }
          if (bytesRead) {
            stream.node.atime = Date.now();
          }
          return bytesRead;
        }, write(stream, buffer, offset, length, pos) {
          if (!stream.tty || !stream.tty.ops.put_char) {
            throw new FS.ErrnoError(60);
          }
          try {
            for (var i = 0; i < length; i++) {
              stream.tty.ops.put_char(stream.tty, buffer[offset + i]);
            }
          } catch (e) {
            throw new FS.ErrnoError(29);
          }
          if (length) {
            stream.node.mtime = stream.node.ctime = Date.now();
          }
          return i;
        } }, default_tty_ops: { get_char(tty) {
          return FS_stdin_getChar();
        }, put_char(tty, val) {
          if (val === null || val === 10) {
            out(UTF8ArrayToString(tty.output));
            tty.output = [];
          } else {
            if (val != 0) tty.output.push(val);
          }
        }, fsync(tty) {
          if (tty.output?.length > 0) {
            out(UTF8ArrayToString(tty.output));
            tty.output = [];
          }
        }, ioctl_tcgets(tty) {
          return { c_iflag: 25856, c_oflag: 5, c_cflag: 191, c_lflag: 35387, c_cc: [3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] };
        }, ioctl_tcsets(tty, optional_actions, data) {
          return 0;
        }, ioctl_tiocgwinsz(tty) {
          return [24, 80];
        } }, default_tty1_ops: { put_char(tty, val) {
          if (val === null || val === 10) {
            err(UTF8ArrayToString(tty.output));
            tty.output = [];
          } else {
            if (val != 0) tty.output.push(val);
          }
        }, fsync(tty) {
          if (tty.output?.length > 0) {
            err(UTF8ArrayToString(tty.output));
            tty.output = [];
          }
        } } };
        var mmapAlloc = (size) => {
          abort();
        };
        var MEMFS = { ops_table: null, mount(mount) {
          return MEMFS.createNode(null, "/", 16895, 0);
        }, createNode(parent, name, mode, dev) {
          if (FS.isBlkdev(mode) || FS.isFIFO(mode)) {
            throw new FS.ErrnoError(63);
          }
          MEMFS.ops_table ||= { dir: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr, lookup: MEMFS.node_ops.lookup, mknod: MEMFS.node_ops.mknod, rename: MEMFS.node_ops.rename, unlink: MEMFS.node_ops.unlink, rmdir: MEMFS.node_ops.rmdir, readdir: MEMFS.node_ops.readdir, symlink: MEMFS.node_ops.symlink }, stream: { llseek: MEMFS.stream_ops.llseek } }, file: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr }, stream: { llseek: MEMFS.stream_ops.llseek, read: MEMFS.stream_ops.read, write: MEMFS.stream_ops.write, mmap: MEMFS.stream_ops.mmap, msync: MEMFS.stream_ops.msync } }, link: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr, readlink: MEMFS.node_ops.readlink }, stream: {} }, chrdev: { node: { getattr: MEMFS.node_ops.getattr, setattr: MEMFS.node_ops.setattr }, stream: FS.chrdev_stream_ops } };
          var node = FS.createNode(parent, name, mode, dev);
          if (FS.isDir(node.mode)) {
            node.node_ops = MEMFS.ops_table.dir.node;
            node.stream_ops = MEMFS.ops_table.dir.stream;
            node.contents = {};
          } else if (FS.isFile(node.mode)) {
            node.node_ops = MEMFS.ops_table.file.node;
            node.stream_ops = MEMFS.ops_table.file.stream;
            node.usedBytes = 0;
            node.contents = MEMFS.emptyFileContents ??= new Uint8Array(0);
          } else if (FS.isLink(node.mode)) {
            node.node_ops = MEMFS.ops_table.link.node;
            node.stream_ops = MEMFS.ops_table.link.stream;
          } else if (FS.isChrdev(node.mode)) {
            node.node_ops = MEMFS.ops_table.chrdev.node;
            node.stream_ops = MEMFS.ops_table.chrdev.stream;
          }
          node.atime = node.mtime = node.ctime = Date.now();
          if (parent) {
            parent.contents[name] = node;
            parent.atime = parent.mtime = parent.ctime = node.atime;
          }
          return node;
        }, getFileDataAsTypedArray(node) {
          return node.contents.subarray(0, node.usedBytes);
        }, expandFileStorage(node, newCapacity) {
          var prevCapacity = node.contents.length;
          if (prevCapacity >= newCapacity) return;
          var CAPACITY_DOUBLING_MAX = 1024 * 1024;
          newCapacity = Math.max(newCapacity, prevCapacity * (prevCapacity < CAPACITY_DOUBLING_MAX ? 2 : 1.125) >>> 0);
          if (prevCapacity) newCapacity = Math.max(newCapacity, 256);
          var oldContents = MEMFS.getFileDataAsTypedArray(node);
          node.contents = new Uint8Array(newCapacity);
          node.contents.set(oldContents);
        }, resizeFileStorage(node, newSize) {
          if (node.usedBytes == newSize) return;
          var oldContents = node.contents;
          node.contents = new Uint8Array(newSize);
          node.contents.set(oldContents.subarray(0, Math.min(newSize, node.usedBytes)));
          node.usedBytes = newSize;
        }, node_ops: { getattr(node) {
          var attr = {};
          attr.dev = FS.isChrdev(node.mode) ? node.id : 1;
          attr.ino = node.id;
          attr.mode = node.mode;
          attr.nlink = 1;
          attr.uid = 0;
          attr.gid = 0;
          attr.rdev = node.rdev;
          if (FS.isDir(node.mode)) {
            attr.size = 4096;
          } else if (FS.isFile(node.mode)) {
            attr.size = node.usedBytes;
          } else if (FS.isLink(node.mode)) {
            attr.size = node.link.length;
          } else {
            attr.size = 0;
          }
          attr.atime = new Date(node.atime);
          attr.mtime = new Date(node.mtime);
          attr.ctime = new Date(node.ctime);
          attr.blksize = 4096;
          attr.blocks = Math.ceil(attr.size / attr.blksize);
          return attr;
        }, setattr(node, attr) {
          for (const key of ["mode", "atime", "mtime", "ctime"]) {
            if (attr[key] != null) {
              node[key] = attr[key];
            }
          }
          if (attr.size !== void 0) {
            MEMFS.resizeFileStorage(node, attr.size);
          }
        }, lookup(parent, name) {
          if (!MEMFS.doesNotExistError) {
            MEMFS.doesNotExistError = new FS.ErrnoError(44);
            MEMFS.doesNotExistError.stack = "<generic error, no stack>";
          }
          throw MEMFS.doesNotExistError;
        }, mknod(parent, name, mode, dev) {
          return MEMFS.createNode(parent, name, mode, dev);
        }, rename(old_node, new_dir, new_name) {
          var new_node;
          try {
            new_node = FS.lookupNode(new_dir, new_name);
          } catch (e) {
          }
          if (new_node) {
            if (FS.isDir(old_node.mode)) {
              for (var i in new_node.contents) {
                throw new FS.ErrnoError(55);
              }
            }
            FS.hashRemoveNode(new_node);
          }
          delete old_node.parent.contents[old_node.name];
          new_dir.contents[new_name] = old_node;
          old_node.name = new_name;
          new_dir.ctime = new_dir.mtime = old_node.parent.ctime = old_node.parent.mtime = Date.now();
        }, unlink(parent, name) {
          delete parent.contents[name];
          parent.ctime = parent.mtime = Date.now();
        }, rmdir(parent, name) {
          var node = FS.lookupNode(parent, name);
          for (var i in node.contents) {
            throw new FS.ErrnoError(55);
          }
          delete parent.contents[name];
          parent.ctime = parent.mtime = Date.now();
        }, readdir(node) {
          return [".", "..", ...Object.keys(node.contents)];
        }, symlink(parent, newname, oldpath) {
          var node = MEMFS.createNode(parent, newname, 511 | 40960, 0);
          node.link = oldpath;
          return node;
        }, readlink(node) {
          if (!FS.isLink(node.mode)) {
            throw new FS.ErrnoError(28);
          }
          return node.link;
        } }, stream_ops: { read(stream, buffer, offset, length, position) {
          var contents = stream.node.contents;
          if (position >= stream.node.usedBytes) return 0;
          var size = Math.min(stream.node.usedBytes - position, length);
          buffer.set(contents.subarray(position, position + size), offset);
          return size;
        }, write(stream, buffer, offset, length, position, canOwn) {
          if (buffer.buffer === HEAP8.buffer) {
            canOwn = false;
          }
          if (!length) return 0;
          var node = stream.node;
          node.mtime = node.ctime = Date.now();
          if (canOwn) {
            node.contents = buffer.subarray(offset, offset + length);
            node.usedBytes = length;
          } else if (node.usedBytes === 0 && position === 0) {
            node.contents = buffer.slice(offset, offset + length);
            node.usedBytes = length;
          } else {
            MEMFS.expandFileStorage(node, position + length);
            node.contents.set(buffer.subarray(offset, offset + length), position);
            node.usedBytes = Math.max(node.usedBytes, position + length);
          }
          return length;
        }, llseek(stream, offset, whence) {
          var position = offset;
          if (whence === 1) {
            position += stream.position;
          } else if (whence === 2) {
            if (FS.isFile(stream.node.mode)) {
              position += stream.node.usedBytes;
            }
          }
          if (position < 0) {
            throw new FS.ErrnoError(28);
          }
          return position;
        }, mmap(stream, length, position, prot, flags) {
          if (!FS.isFile(stream.node.mode)) {
            throw new FS.ErrnoError(43);
          }
          var ptr;
          var allocated;
          var contents = stream.node.contents;
          if (!(flags & 2) && contents.buffer === HEAP8.buffer) {
            allocated = false;
            ptr = contents.byteOffset;
          } else {
            allocated = true;
            ptr = mmapAlloc(length);
            if (!ptr) {
              throw new FS.ErrnoError(48);
            }
            if (contents) {
              if (position > 0 || position + length < contents.length) {
                if (contents.subarray) {
                  contents = contents.subarray(position, position + length);
                } else {
                  contents = Array.prototype.slice.call(contents, position, position + length);
                }
              }
              HEAP8.set(contents, ptr);
            }
          }
          return { ptr, allocated };
        }, msync(stream, buffer, offset, length, mmapFlags) {
          MEMFS.stream_ops.write(stream, buffer, 0, length, offset, false);
          return 0;
        } } };
        var FS_modeStringToFlags = (str) => {
          if (typeof str != "string") return str;
          var flagModes = { r: 0, "r+": 2, w: 512 | 64 | 1, "w+": 512 | 64 | 2, a: 1024 | 64 | 1, "a+": 1024 | 64 | 2 };
          var flags = flagModes[str];
          if (typeof flags == "undefined") {
            throw new Error(`Unknown file open mode: ${str}`);
          }
          return flags;
        };
        var FS_fileDataToTypedArray = (data) => {
          if (typeof data == "string") {
            data = intArrayFromString(data, true);
          }
          if (!data.subarray) {
            data = new Uint8Array(data);
          }
          return data;
        };
        var FS_getMode = (canRead, canWrite) => {
          var mode = 0;
          if (canRead) mode |= 292 | 73;
          if (canWrite) mode |= 146;
          return mode;
        };
        var asyncLoad = async (url) => {
          var arrayBuffer = await readAsync(url);
          return new Uint8Array(arrayBuffer);
        };
        var FS_createDataFile = (...args) => FS.createDataFile(...args);
        var getUniqueRunDependency = (id) => id;
        var dependenciesPromise = null;
        var resolveRunDependencies = async () => dependenciesPromise;
        var runDependencies = 0;
        var dependenciesPromiseResolve = null;
        var removeRunDependency = (id) => {
          runDependencies--;
          Module["monitorRunDependencies"]?.(runDependencies);
          if (!runDependencies) {
            dependenciesPromiseResolve();
          }
        };
        var addRunDependency = (id) => {
          if (!runDependencies) {
            dependenciesPromise = new Promise((resolve) => dependenciesPromiseResolve = resolve);
          }
          runDependencies++;
          Module["monitorRunDependencies"]?.(runDependencies);
        };
        var preloadPlugins = [];
        var FS_handledByPreloadPlugin = async (byteArray, fullname) => {
          if (typeof Browser != "undefined") Browser.init();
          for (var plugin2 of preloadPlugins) {
            if (plugin2["canHandle"](fullname)) {
              return plugin2["handle"](byteArray, fullname);
            }
          }
          return byteArray;
        };
        var FS_preloadFile = async (parent, name, url, canRead, canWrite, dontCreateFile, canOwn, preFinish) => {
          var fullname = name ? PATH_FS.resolve(PATH.join2(parent, name)) : parent;
          var dep = getUniqueRunDependency(`cp ${fullname}`);
          addRunDependency(dep);
          try {
            var byteArray = url;
            if (typeof url == "string") {
              byteArray = await asyncLoad(url);
            }
            byteArray = await FS_handledByPreloadPlugin(byteArray, fullname);
            preFinish?.();
            if (!dontCreateFile) {
              FS_createDataFile(parent, name, byteArray, canRead, canWrite, canOwn);
            }
          } finally {
            removeRunDependency(dep);
          }
        };
        var FS_createPreloadedFile = (parent, name, url, canRead, canWrite, onload, onerror, dontCreateFile, canOwn, preFinish) => {
          FS_preloadFile(parent, name, url, canRead, canWrite, dontCreateFile, canOwn, preFinish).then(onload).catch(onerror);
        };
        var FS = { root: null, mounts: [], devices: {}, streams: [], nextInode: 1, nameTable: null, currentPath: "/", initialized: false, ignorePermissions: true, filesystems: null, syncFSRequests: 0, ErrnoError: class {
          name = "ErrnoError";
          constructor(errno) {
            this.errno = errno;
          }
        }, FSStream: class {
          shared = {};
          get object() {
            return this.node;
          }
          set object(val) {
            this.node = val;
          }
          get isRead() {
            return (this.flags & 2097155) !== 1;
          }
          get isWrite() {
            return (this.flags & 2097155) !== 0;
          }
          get isAppend() {
            return this.flags & 1024;
          }
          get flags() {
            return this.shared.flags;
          }
          set flags(val) {
            this.shared.flags = val;
          }
          get position() {
            return this.shared.position;
          }
          set position(val) {
            this.shared.position = val;
          }
        }, FSNode: class {
          node_ops = {};
          stream_ops = {};
          readMode = 292 | 73;
          writeMode = 146;
          mounted = null;
          constructor(parent, name, mode, rdev) {
            if (!parent) {
              parent = this;
            }
            this.parent = parent;
            this.mount = parent.mount;
            this.id = FS.nextInode++;
            this.name = name;
            this.mode = mode;
            this.rdev = rdev;
            this.atime = this.mtime = this.ctime = Date.now();
          }
          get read() {
            return (this.mode & this.readMode) === this.readMode;
          }
          set read(val) {
            val ? this.mode |= this.readMode : this.mode &= ~this.readMode;
          }
          get write() {
            return (this.mode & this.writeMode) === this.writeMode;
          }
          set write(val) {
            val ? this.mode |= this.writeMode : this.mode &= ~this.writeMode;
          }
          get isFolder() {
            return FS.isDir(this.mode);
          }
          get isDevice() {
            return FS.isChrdev(this.mode);
          }
          addListener(cb, exclusive = false) {
            var entry = { cb, exclusive };
            var listeners = this.listeners ??= /* @__PURE__ */ new Set();
            listeners.add(entry);
            return { listeners, entry };
          }
          notifyListeners(flags) {
            if (!this.listeners) return;
            var excl;
            for (var entry of this.listeners) {
              if (entry.exclusive) (excl ||= []).push(entry);
              else entry.cb(flags);
            }
            if (excl) {
              var i = (this.exclTurn || 0) % excl.length;
              this.exclTurn = i + 1;
              excl[i].cb(flags);
            }
          }
        }, lookupPath(path, opts = {}) {
          if (!path) {
            throw new FS.ErrnoError(44);
          }
          opts.follow_mount ??= true;
          if (!PATH.isAbs(path)) {
            path = FS.cwd() + "/" + path;
          }
          linkloop: for (var nlinks = 0; nlinks < 40; nlinks++) {
            var parts = path.split("/").filter((p) => !!p);
            var current = FS.root;
            var current_path = "/";
            for (var i = 0; i < parts.length; i++) {
              var islast = i === parts.length - 1;
              if (islast && opts.parent) {
                break;
              }
              if (parts[i] === ".") {
                continue;
              }
              if (parts[i] === "..") {
                current_path = PATH.dirname(current_path);
                if (FS.isRoot(current)) {
                  path = current_path + "/" + parts.slice(i + 1).join("/");
                  nlinks--;
                  continue linkloop;
                } else {
                  current = current.parent;
                }
                continue;
              }
              current_path = PATH.join2(current_path, parts[i]);
              try {
                current = FS.lookupNode(current, parts[i]);
              } catch (e) {
                if (e?.errno === 44 && islast && opts.noent_okay) {
                  return { path: current_path };
                }
                throw e;
              }
              if (FS.isMountpoint(current) && (!islast || opts.follow_mount)) {
                current = current.mounted.root;
              }
              if (FS.isLink(current.mode) && (!islast || opts.follow)) {
                if (!current.node_ops.readlink) {
                  throw new FS.ErrnoError(52);
                }
                var link = current.node_ops.readlink(current);
                if (!PATH.isAbs(link)) {
                  link = PATH.dirname(current_path) + "/" + link;
                }
                path = link + "/" + parts.slice(i + 1).join("/");
                continue linkloop;
              }
            }
            return { path: current_path, node: current };
          }
          throw new FS.ErrnoError(32);
        }, getPath(node) {
          var path;
          while (true) {
            if (FS.isRoot(node)) {
              var mount = node.mount.mountpoint;
              if (!path) return mount;
              return mount[mount.length - 1] !== "/" ? `${mount}/${path}` : mount + path;
            }
            path = path ? `${node.name}/${path}` : node.name;
            node = node.parent;
          }
        }, hashName(parentid, name) {
          var hash = 0;
          for (var i = 0; i < name.length; i++) {
            hash = (hash << 5) - hash + name.charCodeAt(i) | 0;
          }
          return (parentid + hash >>> 0) % FS.nameTable.length;
        }, hashAddNode(node) {
          var hash = FS.hashName(node.parent.id, node.name);
          node.name_next = FS.nameTable[hash];
          FS.nameTable[hash] = node;
        }, hashRemoveNode(node) {
          var hash = FS.hashName(node.parent.id, node.name);
          if (FS.nameTable[hash] === node) {
            FS.nameTable[hash] = node.name_next;
          } else {
            var current = FS.nameTable[hash];
            while (current) {
              if (current.name_next === node) {
                current.name_next = node.name_next;
                break;
              }
              current = current.name_next;
            }
          }
        }, lookupNode(parent, name) {
          var errCode = FS.mayLookup(parent);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          var hash = FS.hashName(parent.id, name);
          for (var node = FS.nameTable[hash]; node; node = node.name_next) {
            var nodeName = node.name;
            if (node.parent.id === parent.id && nodeName === name) {
              return node;
            }
          }
          return FS.lookup(parent, name);
        }, createNode(parent, name, mode, rdev) {
          var node = new FS.FSNode(parent, name, mode, rdev);
          FS.hashAddNode(node);
          return node;
        }, destroyNode(node) {
          FS.hashRemoveNode(node);
        }, isRoot(node) {
          return node === node.parent;
        }, isMountpoint(node) {
          return !!node.mounted;
        }, isFile(mode) {
          return (mode & 61440) === 32768;
        }, isDir(mode) {
          return (mode & 61440) === 16384;
        }, isLink(mode) {
          return (mode & 61440) === 40960;
        }, isChrdev(mode) {
          return (mode & 61440) === 8192;
        }, isBlkdev(mode) {
          return (mode & 61440) === 24576;
        }, isFIFO(mode) {
          return (mode & 61440) === 4096;
        }, isSocket(mode) {
          return (mode & 49152) === 49152;
        }, flagsToPermissionString(flag) {
          var perms = ["r", "w", "rw"][flag & 3];
          if (flag & 512) {
            perms += "w";
          }
          return perms;
        }, nodePermissions(node, perms) {
          if (FS.ignorePermissions) {
            return 0;
          }
          if (perms.includes("r") && !(node.mode & 292)) {
            return 2;
          }
          if (perms.includes("w") && !(node.mode & 146)) {
            return 2;
          }
          if (perms.includes("x") && !(node.mode & 73)) {
            return 2;
          }
          return 0;
        }, mayLookup(dir) {
          if (!FS.isDir(dir.mode)) return 54;
          var errCode = FS.nodePermissions(dir, "x");
          if (errCode) return errCode;
          if (!dir.node_ops.lookup) return 2;
          return 0;
        }, mayCreate(dir, name) {
          if (!FS.isDir(dir.mode)) {
            return 54;
          }
          try {
            var node = FS.lookupNode(dir, name);
            return 20;
          } catch (e) {
          }
          return FS.nodePermissions(dir, "wx");
        }, mayDelete(dir, name, isdir) {
          var node;
          try {
            node = FS.lookupNode(dir, name);
          } catch (e) {
            return e.errno;
          }
          var errCode = FS.nodePermissions(dir, "wx");
          if (errCode) {
            return errCode;
          }
          if (isdir) {
            if (!FS.isDir(node.mode)) {
              return 54;
            }
            if (FS.isRoot(node) || FS.getPath(node) === FS.cwd()) {
              return 10;
            }
          } else if (FS.isDir(node.mode)) {
            return 31;
          }
          return 0;
        }, mayOpen(node, flags) {
          if (!node) {
            return 44;
          }
          if (FS.isLink(node.mode)) {
            return 32;
          }
          var mode = FS.flagsToPermissionString(flags);
          if (FS.isDir(node.mode)) {
            if (mode !== "r" || flags & (512 | 64)) {
              return 31;
            }
          }
          return FS.nodePermissions(node, mode);
        }, checkOpExists(op, err2) {
          if (!op) {
            throw new FS.ErrnoError(err2);
          }
          return op;
        }, MAX_OPEN_FDS: 4096, nextfd() {
          for (var fd = 0; fd <= FS.MAX_OPEN_FDS; fd++) {
            if (!FS.streams[fd]) {
              return fd;
            }
          }
          throw new FS.ErrnoError(33);
        }, getStreamChecked(fd) {
          var stream = FS.getStream(fd);
          if (!stream) {
            throw new FS.ErrnoError(8);
          }
          return stream;
        }, getStream: (fd) => FS.streams[fd], createStream(stream, fd = -1) {
          stream = Object.assign(new FS.FSStream(), stream);
          if (fd == -1) {
            fd = FS.nextfd();
          }
          stream.fd = fd;
          FS.streams[fd] = stream;
          return stream;
        }, closeStream(fd) {
          FS.streams[fd] = null;
        }, dupStream(origStream, fd = -1) {
          var stream = FS.createStream(origStream, fd);
          stream.stream_ops?.dup?.(stream);
          return stream;
        }, doSetAttr(stream, node, attr) {
          var setattr = stream?.stream_ops.setattr;
          var arg = setattr ? stream : node;
          setattr ??= node.node_ops.setattr;
          FS.checkOpExists(setattr, 63);
          try {
            setattr(arg, attr);
          } catch (e) {
            if (e instanceof RangeError) {
              throw new FS.ErrnoError(22);
            }
            throw e;
          }
        }, chrdev_stream_ops: { open(stream) {
          var device = FS.getDevice(stream.node.rdev);
          stream.stream_ops = device.stream_ops;
          stream.stream_ops.open?.(stream);
        }, llseek() {
          throw new FS.ErrnoError(70);
        } }, major: (dev) => dev >> 8, minor: (dev) => dev & 255, makedev: (ma, mi) => ma << 8 | mi, registerDevice(dev, ops) {
          FS.devices[dev] = { stream_ops: ops };
        }, getDevice: (dev) => FS.devices[dev], getMounts(mount) {
          var mounts = [];
          var check = [mount];
          while (check.length) {
            var m = check.pop();
            mounts.push(m);
            check.push(...m.mounts);
          }
          return mounts;
        }, syncfs(populate, callback) {
          if (typeof populate == "function") {
            callback = populate;
            populate = false;
          }
          FS.syncFSRequests++;
          if (FS.syncFSRequests > 1) {
            err(`warning: ${FS.syncFSRequests} FS.syncfs operations in flight at once, probably just doing extra work`);
          }
          var mounts = FS.getMounts(FS.root.mount);
          var completed = 0;
          function doCallback(errCode) {
            FS.syncFSRequests--;
            return callback(errCode);
          }
          function done(errCode) {
            if (errCode) {
              if (!done.errored) {
                done.errored = true;
                return doCallback(errCode);
              }
              return;
            }
            if (++completed >= mounts.length) {
              doCallback(null);
            }
          }
          for (var mount of mounts) {
            if (mount.type.syncfs) {
              mount.type.syncfs(mount, populate, done);
            } else {
              done(null);
            }
          }
        }, mount(type, opts, mountpoint) {
          var root = mountpoint === "/";
          var pseudo = !mountpoint;
          var node;
          if (root && FS.root) {
            throw new FS.ErrnoError(10);
          } else if (!root && !pseudo) {
            var lookup = FS.lookupPath(mountpoint, { follow_mount: false });
            mountpoint = lookup.path;
            node = lookup.node;
            if (FS.isMountpoint(node)) {
              throw new FS.ErrnoError(10);
            }
            if (!FS.isDir(node.mode)) {
              throw new FS.ErrnoError(54);
            }
          }
          var mount = { type, opts, mountpoint, mounts: [] };
          var mountRoot = type.mount(mount);
          mountRoot.mount = mount;
          mount.root = mountRoot;
          if (root) {
            FS.root = mountRoot;
          } else if (node) {
            node.mounted = mount;
            if (node.mount) {
              node.mount.mounts.push(mount);
            }
          }
          return mountRoot;
        }, unmount(mountpoint) {
          var lookup = FS.lookupPath(mountpoint, { follow_mount: false });
          if (!FS.isMountpoint(lookup.node)) {
            throw new FS.ErrnoError(28);
          }
          var node = lookup.node;
          var mount = node.mounted;
          var mounts = FS.getMounts(mount);
          for (var [hash, current] of Object.entries(FS.nameTable)) {
            while (current) {
              var next = current.name_next;
              if (mounts.includes(current.mount)) {
                FS.destroyNode(current);
              }
              current = next;
            }
          }
          node.mounted = null;
          var idx = node.mount.mounts.indexOf(mount);
          node.mount.mounts.splice(idx, 1);
        }, lookup(parent, name) {
          return parent.node_ops.lookup(parent, name);
        }, mknod(path, mode, dev) {
          var lookup = FS.lookupPath(path, { parent: true });
          var parent = lookup.node;
          var name = PATH.basename(path);
          if (!name) {
            throw new FS.ErrnoError(28);
          }
          if (name === "." || name === "..") {
            throw new FS.ErrnoError(20);
          }
          var errCode = FS.mayCreate(parent, name);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!parent.node_ops.mknod) {
            throw new FS.ErrnoError(63);
          }
          return parent.node_ops.mknod(parent, name, mode, dev);
        }, statfs(path) {
          return FS.statfsNode(FS.lookupPath(path, { follow: true }).node);
        }, statfsStream(stream) {
          return FS.statfsNode(stream.node);
        }, statfsNode(node) {
          var rtn = { bsize: 4096, frsize: 4096, blocks: 1e6, bfree: 5e5, bavail: 5e5, files: FS.nextInode, ffree: FS.nextInode - 1, fsid: 42, flags: 2, namelen: 255 };
          if (node.node_ops.statfs) {
            Object.assign(rtn, node.node_ops.statfs(node.mount.opts.root));
          }
          return rtn;
        }, create(path, mode = 438) {
          mode &= 4095;
          mode |= 32768;
          return FS.mknod(path, mode, 0);
        }, mkdir(path, mode = 511) {
          mode &= 511 | 512;
          mode |= 16384;
          return FS.mknod(path, mode, 0);
        }, mkdirTree(path, mode) {
          var dirs = path.split("/");
          var d = "";
          for (var dir of dirs) {
            if (!dir) continue;
            if (d || PATH.isAbs(path)) d += "/";
            d += dir;
            try {
              FS.mkdir(d, mode);
            } catch (e) {
              if (e.errno != 20) throw e;
            }
          }
        }, mkdev(path, mode, dev) {
          if (typeof dev == "undefined") {
            dev = mode;
            mode = 438;
          }
          mode |= 8192;
          return FS.mknod(path, mode, dev);
        }, symlink(oldpath, newpath) {
          if (!PATH_FS.resolve(oldpath)) {
            throw new FS.ErrnoError(44);
          }
          var lookup = FS.lookupPath(newpath, { parent: true });
          var parent = lookup.node;
          if (!parent) {
            throw new FS.ErrnoError(44);
          }
          var newname = PATH.basename(newpath);
          var errCode = FS.mayCreate(parent, newname);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!parent.node_ops.symlink) {
            throw new FS.ErrnoError(63);
          }
          return parent.node_ops.symlink(parent, newname, oldpath);
        }, link(oldpath, newpath, flags) {
          var lookup = FS.lookupPath(newpath, { parent: true });
          var parent = lookup.node;
          if (!parent) {
            throw new FS.ErrnoError(44);
          }
          var newname = PATH.basename(newpath);
          var errCode = FS.mayCreate(parent, newname);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!parent.node_ops.link) {
            throw new FS.ErrnoError(34);
          }
          return parent.node_ops.link(parent, newname, oldpath, flags);
        }, rename(old_path, new_path) {
          var old_dirname = PATH.dirname(old_path);
          var new_dirname = PATH.dirname(new_path);
          var old_name = PATH.basename(old_path);
          var new_name = PATH.basename(new_path);
          var lookup, old_dir, new_dir;
          lookup = FS.lookupPath(old_path, { parent: true });
          old_dir = lookup.node;
          lookup = FS.lookupPath(new_path, { parent: true });
          new_dir = lookup.node;
          if (!old_dir || !new_dir) throw new FS.ErrnoError(44);
          if (old_dir.mount !== new_dir.mount) {
            throw new FS.ErrnoError(75);
          }
          var old_node = FS.lookupNode(old_dir, old_name);
          var relative2 = PATH_FS.relative(old_path, new_dirname);
          if (relative2.charAt(0) !== ".") {
            throw new FS.ErrnoError(28);
          }
          relative2 = PATH_FS.relative(new_path, old_dirname);
          if (relative2.charAt(0) !== ".") {
            throw new FS.ErrnoError(55);
          }
          var new_node;
          try {
            new_node = FS.lookupNode(new_dir, new_name);
          } catch (e) {
          }
          if (old_node === new_node) {
            return;
          }
          var isdir = FS.isDir(old_node.mode);
          var errCode = FS.mayDelete(old_dir, old_name, isdir);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          errCode = new_node ? FS.mayDelete(new_dir, new_name, isdir) : FS.mayCreate(new_dir, new_name);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!old_dir.node_ops.rename) {
            throw new FS.ErrnoError(63);
          }
          if (FS.isMountpoint(old_node) || new_node && FS.isMountpoint(new_node)) {
            throw new FS.ErrnoError(10);
          }
          if (new_dir !== old_dir) {
            errCode = FS.nodePermissions(old_dir, "w");
            if (errCode) {
              throw new FS.ErrnoError(errCode);
            }
          }
          FS.hashRemoveNode(old_node);
          try {
            old_dir.node_ops.rename(old_node, new_dir, new_name);
            old_node.parent = new_dir;
          } catch (e) {
            throw e;
          } finally {
            FS.hashAddNode(old_node);
          }
        }, rmdir(path) {
          var lookup = FS.lookupPath(path, { parent: true });
          var parent = lookup.node;
          var name = PATH.basename(path);
          var node = FS.lookupNode(parent, name);
          var errCode = FS.mayDelete(parent, name, true);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!parent.node_ops.rmdir) {
            throw new FS.ErrnoError(63);
          }
          if (FS.isMountpoint(node)) {
            throw new FS.ErrnoError(10);
          }
          parent.node_ops.rmdir(parent, name);
          FS.destroyNode(node);
        }, readdir(path) {
          var lookup = FS.lookupPath(path, { follow: true });
          var node = lookup.node;
          var readdir = FS.checkOpExists(node.node_ops.readdir, 54);
          return readdir(node);
        }, unlink(path) {
          var lookup = FS.lookupPath(path, { parent: true });
          var parent = lookup.node;
          if (!parent) {
            throw new FS.ErrnoError(44);
          }
          var name = PATH.basename(path);
          var node = FS.lookupNode(parent, name);
          var errCode = FS.mayDelete(parent, name, false);
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          if (!parent.node_ops.unlink) {
            throw new FS.ErrnoError(63);
          }
          if (FS.isMountpoint(node)) {
            throw new FS.ErrnoError(10);
          }
          parent.node_ops.unlink(parent, name);
          FS.destroyNode(node);
        }, readlink(path) {
          var lookup = FS.lookupPath(path);
          var link = lookup.node;
          if (!link) {
            throw new FS.ErrnoError(44);
          }
          if (!link.node_ops.readlink) {
            throw new FS.ErrnoError(28);
          }
          return link.node_ops.readlink(link);
        }, stat(path, dontFollow) {
          var lookup = FS.lookupPath(path, { follow: !dontFollow });
          var node = lookup.node;
          var getattr = FS.checkOpExists(node.node_ops.getattr, 63);
          return getattr(node);
        }, fstat(fd) {
          var stream = FS.getStreamChecked(fd);
          var node = stream.node;
          var getattr = stream.stream_ops.getattr;
          var arg = getattr ? stream : node;
          getattr ??= node.node_ops.getattr;
          FS.checkOpExists(getattr, 63);
          return getattr(arg);
        }, lstat(path) {
          return FS.stat(path, true);
        }, doChmod(stream, node, mode, dontFollow) {
          FS.doSetAttr(stream, node, { mode: mode & 4095 | node.mode & ~4095, ctime: Date.now(), dontFollow });
        }, chmod(path, mode, dontFollow) {
          var node;
          if (typeof path == "string") {
            var lookup = FS.lookupPath(path, { follow: !dontFollow });
            node = lookup.node;
          } else {
            node = path;
          }
          FS.doChmod(null, node, mode, dontFollow);
        }, lchmod(path, mode) {
          FS.chmod(path, mode, true);
        }, fchmod(fd, mode) {
          var stream = FS.getStreamChecked(fd);
          FS.doChmod(stream, stream.node, mode, false);
        }, doChown(stream, node, dontFollow) {
          FS.doSetAttr(stream, node, { timestamp: Date.now(), dontFollow });
        }, chown(path, uid, gid, dontFollow) {
          var node;
          if (typeof path == "string") {
            var lookup = FS.lookupPath(path, { follow: !dontFollow });
            node = lookup.node;
          } else {
            node = path;
          }
          FS.doChown(null, node, dontFollow);
        }, lchown(path, uid, gid) {
          FS.chown(path, uid, gid, true);
        }, fchown(fd, uid, gid) {
          var stream = FS.getStreamChecked(fd);
          FS.doChown(stream, stream.node, false);
        }, doTruncate(stream, node, len) {
          if (FS.isDir(node.mode)) {
            throw new FS.ErrnoError(31);
          }
          if (!FS.isFile(node.mode)) {
            throw new FS.ErrnoError(28);
          }
          var errCode = FS.nodePermissions(node, "w");
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          FS.doSetAttr(stream, node, { size: len, timestamp: Date.now() });
        }, truncate(path, len) {
          if (len < 0) {
            throw new FS.ErrnoError(28);
          }
          var node;
          if (typeof path == "string") {
            var lookup = FS.lookupPath(path, { follow: true });
            node = lookup.node;
          } else {
            node = path;
          }
          FS.doTruncate(null, node, len);
        }, ftruncate(fd, len) {
          var stream = FS.getStreamChecked(fd);
          if (len < 0 || (stream.flags & 2097155) === 0) {
            throw new FS.ErrnoError(28);
          }
          FS.doTruncate(stream, stream.node, len);
        }, utime(path, atime, mtime, dontFollow) {
          var lookup = FS.lookupPath(path, { follow: !dontFollow });
          FS.doSetAttr(null, lookup.node, { atime, mtime, dontFollow });
        }, open(path, flags, mode = 438) {
          if (path === "") {
            throw new FS.ErrnoError(44);
          }
          flags = FS_modeStringToFlags(flags);
          if (flags & 64) {
            mode = mode & 4095 | 32768;
          } else {
            mode = 0;
          }
          var node;
          var isDirPath;
          if (typeof path == "object") {
            node = path;
          } else {
            isDirPath = path.endsWith("/");
            var lookup = FS.lookupPath(path, { follow: !(flags & 131072), noent_okay: true });
            node = lookup.node;
            path = lookup.path;
          }
          var created = false;
          if (flags & 64) {
            if (node) {
              if (flags & 128) {
                throw new FS.ErrnoError(20);
              }
            } else if (isDirPath) {
              throw new FS.ErrnoError(31);
            } else {
              node = FS.mknod(path, mode | 511, 0);
              created = true;
            }
          }
          if (!node) {
            throw new FS.ErrnoError(44);
          }
          if (FS.isChrdev(node.mode)) {
            flags &= ~512;
          }
          if (flags & 65536 && !FS.isDir(node.mode)) {
            throw new FS.ErrnoError(54);
          }
          if (!created) {
            var errCode = FS.mayOpen(node, flags);
            if (errCode) {
              throw new FS.ErrnoError(errCode);
            }
          }
          if (flags & 512 && !created) {
            FS.truncate(node, 0);
          }
          flags &= ~(128 | 512 | 131072);
          var stream = FS.createStream({ node, path: FS.getPath(node), flags, seekable: true, position: 0, stream_ops: node.stream_ops, ungotten: [], error: false });
          if (stream.stream_ops.open) {
            stream.stream_ops.open(stream);
          }
          if (created) {
            FS.chmod(node, mode & 511);
          }
          return stream;
        }, close(stream) {
          if (FS.isClosed(stream)) {
            throw new FS.ErrnoError(8);
          }
          if (stream.getdents) stream.getdents = null;
          stream.node?.notifyListeners(32);
          try {
            if (stream.stream_ops.close) {
              stream.stream_ops.close(stream);
            }
          } catch (e) {
            throw e;
          } finally {
            FS.closeStream(stream.fd);
          }
          stream.fd = null;
        }, isClosed(stream) {
          return stream.fd === null;
        }, llseek(stream, offset, whence) {
          if (FS.isClosed(stream)) {
            throw new FS.ErrnoError(8);
          }
          if (!stream.seekable || !stream.stream_ops.llseek) {
            throw new FS.ErrnoError(70);
          }
          if (whence != 0 && whence != 1 && whence != 2) {
            throw new FS.ErrnoError(28);
          }
          stream.position = stream.stream_ops.llseek(stream, offset, whence);
          stream.ungotten = [];
          return stream.position;
        }, read(stream, buffer, offset, length, position) {
          if (length < 0 || position < 0) {
            throw new FS.ErrnoError(28);
          }
          if (FS.isClosed(stream)) {
            throw new FS.ErrnoError(8);
          }
          if ((stream.flags & 2097155) === 1) {
            throw new FS.ErrnoError(8);
          }
          if (FS.isDir(stream.node.mode)) {
            throw new FS.ErrnoError(31);
          }
          if (!stream.stream_ops.read) {
            throw new FS.ErrnoError(28);
          }
          var seeking = typeof position != "undefined";
          if (!seeking) {
            position = stream.position;
          } else if (!stream.seekable) {
            throw new FS.ErrnoError(70);
          }
          var bytesRead = stream.stream_ops.read(stream, buffer, offset, length, position);
          if (!seeking) stream.position += bytesRead;
          return bytesRead;
        }, write(stream, buffer, offset, length, position, canOwn) {
          if (length < 0 || position < 0) {
            throw new FS.ErrnoError(28);
          }
          if (FS.isClosed(stream)) {
            throw new FS.ErrnoError(8);
          }
          if ((stream.flags & 2097155) === 0) {
            throw new FS.ErrnoError(8);
          }
          if (FS.isDir(stream.node.mode)) {
            throw new FS.ErrnoError(31);
          }
          if (!stream.stream_ops.write) {
            throw new FS.ErrnoError(28);
          }
          if (stream.seekable && stream.flags & 1024) {
            FS.llseek(stream, 0, 2);
          }
          var seeking = typeof position != "undefined";
          if (!seeking) {
            position = stream.position;
          } else if (!stream.seekable) {
            throw new FS.ErrnoError(70);
          }
          var bytesWritten = stream.stream_ops.write(stream, buffer, offset, length, position, canOwn);
          if (!seeking) stream.position += bytesWritten;
          return bytesWritten;
        }, mmap(stream, length, position, prot, flags) {
          if ((prot & 2) !== 0 && (flags & 2) === 0 && (stream.flags & 2097155) !== 2) {
            throw new FS.ErrnoError(2);
          }
          if ((stream.flags & 2097155) === 1) {
            throw new FS.ErrnoError(2);
          }
          if (!stream.stream_ops.mmap) {
            throw new FS.ErrnoError(43);
          }
          if (!length) {
            throw new FS.ErrnoError(28);
          }
          return stream.stream_ops.mmap(stream, length, position, prot, flags);
        }, msync(stream, buffer, offset, length, mmapFlags) {
          if (!stream.stream_ops.msync) {
            return 0;
          }
          return stream.stream_ops.msync(stream, buffer, offset, length, mmapFlags);
        }, ioctl(stream, cmd, arg) {
          if (!stream.stream_ops.ioctl) {
            throw new FS.ErrnoError(59);
          }
          return stream.stream_ops.ioctl(stream, cmd, arg);
        }, readFile(path, opts = {}) {
          opts.flags = opts.flags ?? 0;
          opts.encoding = opts.encoding ?? "binary";
          if (opts.encoding !== "utf8" && opts.encoding !== "binary") {
            abort(`Invalid encoding type "${opts.encoding}"`);
          }
          var stream = FS.open(path, opts.flags);
          var stat = FS.stat(path);
          var length = stat.size;
          var buf = new Uint8Array(length);
          FS.read(stream, buf, 0, length, 0);
          if (opts.encoding === "utf8") {
            buf = UTF8ArrayToString(buf);
          }
          FS.close(stream);
          return buf;
        }, writeFile(path, data, opts = {}) {
          opts.flags = opts.flags ?? 577;
          var stream = FS.open(path, opts.flags, opts.mode);
          data = FS_fileDataToTypedArray(data);
          FS.write(stream, data, 0, data.byteLength, void 0, opts.canOwn);
          FS.close(stream);
        }, cwd: () => FS.currentPath, chdir(path) {
          var lookup = FS.lookupPath(path, { follow: true });
          if (lookup.node === null) {
            throw new FS.ErrnoError(44);
          }
          if (!FS.isDir(lookup.node.mode)) {
            throw new FS.ErrnoError(54);
          }
          var errCode = FS.nodePermissions(lookup.node, "x");
          if (errCode) {
            throw new FS.ErrnoError(errCode);
          }
          FS.currentPath = lookup.path;
        }, createDefaultDirectories() {
          FS.mkdir("/tmp");
          FS.mkdir("/home");
          FS.mkdir("/home/web_user");
        }, createDefaultDevices() {
          FS.mkdir("/dev");
          FS.registerDevice(FS.makedev(1, 3), { read: () => 0, write: (stream, buffer, offset, length, pos) => length, llseek: () => 0 });
          FS.mkdev("/dev/null", FS.makedev(1, 3));
          TTY.register(FS.makedev(5, 0), TTY.default_tty_ops);
          TTY.register(FS.makedev(6, 0), TTY.default_tty1_ops);
          FS.mkdev("/dev/tty", FS.makedev(5, 0));
          FS.mkdev("/dev/tty1", FS.makedev(6, 0));
          var randomBuffer = new Uint8Array(1024), randomLeft = 0;
          var randomByte = () => {
            if (randomLeft === 0) {
              randomFill(randomBuffer);
              randomLeft = randomBuffer.byteLength;
            }
            return randomBuffer[--randomLeft];
          };
          FS.createDevice("/dev", "random", randomByte);
          FS.createDevice("/dev", "urandom", randomByte);
          FS.mkdir("/dev/shm");
          FS.mkdir("/dev/shm/tmp");
        }, createSpecialDirectories() {
          FS.mkdir("/proc");
          var proc_self = FS.mkdir("/proc/self");
          FS.mkdir("/proc/self/fd");
          FS.mount({ mount() {
            var node = FS.createNode(proc_self, "fd", 16895, 73);
            node.stream_ops = { llseek: MEMFS.stream_ops.llseek };
            node.node_ops = { lookup(parent, name) {
              var fd = +name;
              var stream = FS.getStreamChecked(fd);
              var ret = { parent: null, mount: { mountpoint: "fake" }, node_ops: { readlink: () => stream.path }, id: fd + 1 };
              ret.parent = ret;
              return ret;
            }, readdir() {
              return Array.from(FS.streams.entries()).filter(([k, v]) => v).map(([k, v]) => k.toString());
            } };
            return node;
          } }, {}, "/proc/self/fd");
        }, createStandardStreams(input, output, error) {
          if (input) {
            FS.createDevice("/dev", "stdin", input);
          } else {
            FS.symlink("/dev/tty", "/dev/stdin");
          }
          if (output) {
            FS.createDevice("/dev", "stdout", null, output);
          } else {
            FS.symlink("/dev/tty", "/dev/stdout");
          }
          if (error) {
            FS.createDevice("/dev", "stderr", null, error);
          } else {
            FS.symlink("/dev/tty1", "/dev/stderr");
          }
          var stdin = FS.open("/dev/stdin", 0);
          var stdout = FS.open("/dev/stdout", 1);
          var stderr = FS.open("/dev/stderr", 1);
        }, staticInit() {
          FS.nameTable = new Array(4096);
          FS.mount(MEMFS, {}, "/");
          FS.createDefaultDirectories();
          FS.createDefaultDevices();
          FS.createSpecialDirectories();
          FS.filesystems = { MEMFS };
        }, init(input, output, error) {
          FS.initialized = true;
          input ??= Module["stdin"];
          output ??= Module["stdout"];
          error ??= Module["stderr"];
          FS.createStandardStreams(input, output, error);
        }, quit() {
          FS.initialized = false;
          for (var stream of FS.streams) {
            if (stream) {
              FS.close(stream);
            }
          }
        }, findObject(path, dontResolveLastLink) {
          var ret = FS.analyzePath(path, dontResolveLastLink);
          if (!ret.exists) {
            return null;
          }
          return ret.object;
        }, analyzePath(path, dontResolveLastLink) {
          try {
            var lookup = FS.lookupPath(path, { follow: !dontResolveLastLink });
            path = lookup.path;
          } catch (e) {
          }
          var ret = { isRoot: false, exists: false, error: 0, name: null, path: null, object: null, parentExists: false, parentPath: null, parentObject: null };
          try {
            var lookup = FS.lookupPath(path, { parent: true });
            ret.parentExists = true;
            ret.parentPath = lookup.path;
            ret.parentObject = lookup.node;
            ret.name = PATH.basename(path);
            lookup = FS.lookupPath(path, { follow: !dontResolveLastLink });
            ret.exists = true;
            ret.path = lookup.path;
            ret.object = lookup.node;
            ret.name = lookup.node.name;
            ret.isRoot = lookup.path === "/";
          } catch (e) {
            ret.error = e.errno;
          }
          return ret;
        }, createPath(parent, path, canRead, canWrite) {
          parent = typeof parent == "string" ? parent : FS.getPath(parent);
          var parts = path.split("/").reverse();
          while (parts.length) {
            var part = parts.pop();
            if (!part) continue;
            var current = PATH.join2(parent, part);
            try {
              FS.mkdir(current);
            } catch (e) {
              if (e.errno != 20) throw e;
            }
            parent = current;
          }
          return current;
        }, createFile(parent, name, properties, canRead, canWrite) {
          var path = PATH.join2(typeof parent == "string" ? parent : FS.getPath(parent), name);
          var mode = FS_getMode(canRead, canWrite);
          return FS.create(path, mode);
        }, createDataFile(parent, name, data, canRead, canWrite, canOwn) {
          var path = name;
          if (parent) {
            parent = typeof parent == "string" ? parent : FS.getPath(parent);
            path = name ? PATH.join2(parent, name) : parent;
          }
          var mode = FS_getMode(canRead, canWrite);
          var node = FS.create(path, mode);
          if (data) {
            data = FS_fileDataToTypedArray(data);
            FS.chmod(node, mode | 146);
            var stream = FS.open(node, 577);
            FS.write(stream, data, 0, data.length, 0, canOwn);
            FS.close(stream);
            FS.chmod(node, mode);
          }
        }, createDevice(parent, name, input, output) {
          var path = PATH.join2(typeof parent == "string" ? parent : FS.getPath(parent), name);
          var mode = FS_getMode(!!input, !!output);
          FS.createDevice.major ??= 64;
          var dev = FS.makedev(FS.createDevice.major++, 0);
          FS.registerDevice(dev, { open(stream) {
            stream.seekable = false;
          }, close(stream) {
            if (output?.buffer?.length) {
              output(10);
            }
          }, read(stream, buffer, offset, length, pos) {
            var bytesRead = 0;
            for (var i = 0; i < length; i++) {
              var result;
              try {
                result = input();
              } catch (e) {
                throw new FS.ErrnoError(29);
              }
              if (result === void 0 && bytesRead === 0) {
                throw new FS.ErrnoError(6);
              }
              if (result === null || result === void 0) break;
              bytesRead++;
              buffer[offset + i] = result;
            }
            if (bytesRead) {
              stream.node.atime = Date.now();
            }
            return bytesRead;
          }, write(stream, buffer, offset, length, pos) {
            for (var i = 0; i < length; i++) {
              try {
                output(buffer[offset + i]);
              } catch (e) {
                throw new FS.ErrnoError(29);
              }
            }
            if (length) {
              stream.node.mtime = stream.node.ctime = Date.now();
            }
            return i;
          } });
          return FS.mkdev(path, mode, dev);
        }, forceLoadFile(obj) {
          if (obj.isDevice || obj.isFolder || obj.link || obj.contents) return true;
          if (globalThis.XMLHttpRequest) {
            abort("Lazy loading should have been performed (contents set) in createLazyFile, but it was not. Lazy loading only works in web workers. Use --embed-file or --preload-file in emcc on the main thread.");
          } else {
            try {
              obj.contents = readBinary(obj.url);
            } catch (e) {
              throw new FS.ErrnoError(29);
            }
          }
        }, createLazyFile(parent, name, url, canRead, canWrite) {
          class LazyUint8Array {
            lengthKnown = false;
            chunks = [];
            get(idx) {
              if (idx > this.length - 1 || idx < 0) {
                return void 0;
              }
              var chunkOffset = idx % this.chunkSize;
              var chunkNum = idx / this.chunkSize | 0;
              return this.getter(chunkNum)[chunkOffset];
            }
            setDataGetter(getter) {
              this.getter = getter;
            }
            cacheLength() {
              var xhr = new XMLHttpRequest();
              xhr.open("HEAD", url, false);
              xhr.send(null);
              if (!(xhr.status >= 200 && xhr.status < 300 || xhr.status === 304)) abort("Couldn't load " + url + ". Status: " + xhr.status);
              var datalength = Number(xhr.getResponseHeader("Content-length"));
              var header;
              var hasByteServing = (header = xhr.getResponseHeader("Accept-Ranges")) && header === "bytes";
              var usesGzip = (header = xhr.getResponseHeader("Content-Encoding")) && header === "gzip";
              var chunkSize = 1024 * 1024;
              if (!hasByteServing) chunkSize = datalength;
              var doXHR = (from, to) => {
                if (from > to) abort(`invalid range (${from}, ${to}) or no bytes requested!`);
                if (to > datalength - 1) abort(`only ${datalength} bytes available! programmer error!`);
                var xhr2 = new XMLHttpRequest();
                xhr2.open("GET", url, false);
                if (datalength !== chunkSize) xhr2.setRequestHeader("Range", "bytes=" + from + "-" + to);
                xhr2.responseType = "arraybuffer";
                if (xhr2.overrideMimeType) {
                  xhr2.overrideMimeType("text/plain; charset=x-user-defined");
                }
                xhr2.send(null);
                if (!(xhr2.status >= 200 && xhr2.status < 300 || xhr2.status === 304)) abort("Couldn't load " + url + ". Status: " + xhr2.status);
                if (xhr2.response !== void 0) {
                  return new Uint8Array(xhr2.response || []);
                }
                return intArrayFromString(xhr2.responseText ?? "", true);
              };
              var lazyArray2 = this;
              lazyArray2.setDataGetter((chunkNum) => {
                var start = chunkNum * chunkSize;
                var end = (chunkNum + 1) * chunkSize - 1;
                end = Math.min(end, datalength - 1);
                if (typeof lazyArray2.chunks[chunkNum] == "undefined") {
                  lazyArray2.chunks[chunkNum] = doXHR(start, end);
                }
                if (typeof lazyArray2.chunks[chunkNum] == "undefined") abort("doXHR failed!");
                return lazyArray2.chunks[chunkNum];
              });
              if (usesGzip || !datalength) {
                chunkSize = datalength = 1;
                datalength = this.getter(0).length;
                chunkSize = datalength;
                out("LazyFiles on gzip forces download of the whole file when length is accessed");
              }
              this._length = datalength;
              this._chunkSize = chunkSize;
              this.lengthKnown = true;
            }
            get length() {
              if (!this.lengthKnown) {
                this.cacheLength();
              }
              return this._length;
            }
            get chunkSize() {
              if (!this.lengthKnown) {
                this.cacheLength();
              }
              return this._chunkSize;
            }
          }
          if (globalThis.XMLHttpRequest) {
            if (!ENVIRONMENT_IS_WORKER) abort("Cannot do synchronous binary XHRs outside webworkers in modern browsers. Use --embed-file or --preload-file in emcc");
            var lazyArray = new LazyUint8Array();
            var properties = { isDevice: false, contents: lazyArray };
          } else {
            var properties = { isDevice: false, url };
          }
          var node = FS.createFile(parent, name, properties, canRead, canWrite);
          if (properties.contents) {
            node.contents = properties.contents;
          } else if (properties.url) {
            node.contents = null;
            node.url = properties.url;
          }
          Object.defineProperties(node, { usedBytes: { get: function() {
            return this.contents.length;
          } } });
          var stream_ops = {};
          for (const [key, fn] of Object.entries(node.stream_ops)) {
            stream_ops[key] = (...args) => {
              FS.forceLoadFile(node);
              return fn(...args);
            };
          }
          function writeChunks(stream, buffer, offset, length, position) {
            var contents = stream.node.contents;
            if (position >= contents.length) return 0;
            var size = Math.min(contents.length - position, length);
            if (contents.slice) {
              for (var i = 0; i < size; i++) {
                buffer[offset + i] = contents[position + i];
              }
            } else {
              for (var i = 0; i < size; i++) {
                buffer[offset + i] = contents.get(position + i);
              }
            }
            return size;
          }
          stream_ops.read = (stream, buffer, offset, length, position) => {
            FS.forceLoadFile(node);
            return writeChunks(stream, buffer, offset, length, position);
          };
          stream_ops.mmap = (stream, length, position, prot, flags) => {
            FS.forceLoadFile(node);
            var ptr = mmapAlloc(length);
            if (!ptr) {
              throw new FS.ErrnoError(48);
            }
            writeChunks(stream, HEAP8, ptr, length, position);
            return { ptr, allocated: true };
          };
          node.stream_ops = stream_ops;
          return node;
        } };
        var SYSCALLS = { currentUmask: 18, calculateAt(dirfd, path, allowEmpty) {
          if (PATH.isAbs(path)) {
            return path;
          }
          var dir;
          if (dirfd === -100) {
            dir = FS.cwd();
          } else {
            var dirstream = SYSCALLS.getStreamFromFD(dirfd);
            dir = dirstream.path;
          }
          if (path.length == 0) {
            if (!allowEmpty) {
              throw new FS.ErrnoError(44);
            }
            return dir;
          }
          return dir + "/" + path;
        }, writeStat(buf, stat) {
          HEAPU32[buf >> 2] = stat.dev;
          HEAPU32[buf + 4 >> 2] = stat.mode;
          HEAPU32[buf + 8 >> 2] = stat.nlink;
          HEAPU32[buf + 12 >> 2] = stat.uid;
          HEAPU32[buf + 16 >> 2] = stat.gid;
          HEAPU32[buf + 20 >> 2] = stat.rdev;
          HEAP64[buf + 24 >> 3] = BigInt(stat.size);
          HEAP32[buf + 32 >> 2] = 4096;
          HEAP32[buf + 36 >> 2] = stat.blocks;
          var atime = stat.atime.getTime();
          var mtime = stat.mtime.getTime();
          var ctime = stat.ctime.getTime();
          HEAP64[buf + 40 >> 3] = BigInt(Math.floor(atime / 1e3));
          HEAPU32[buf + 48 >> 2] = atime % 1e3 * 1e3 * 1e3;
          HEAP64[buf + 56 >> 3] = BigInt(Math.floor(mtime / 1e3));
          HEAPU32[buf + 64 >> 2] = mtime % 1e3 * 1e3 * 1e3;
          HEAP64[buf + 72 >> 3] = BigInt(Math.floor(ctime / 1e3));
          HEAPU32[buf + 80 >> 2] = ctime % 1e3 * 1e3 * 1e3;
          HEAP64[buf + 88 >> 3] = BigInt(stat.ino);
          return 0;
        }, writeStatFs(buf, stats) {
          HEAPU32[buf + 4 >> 2] = stats.bsize;
          HEAPU32[buf + 60 >> 2] = stats.bsize;
          HEAP64[buf + 8 >> 3] = BigInt(stats.blocks);
          HEAP64[buf + 16 >> 3] = BigInt(stats.bfree);
          HEAP64[buf + 24 >> 3] = BigInt(stats.bavail);
          HEAP64[buf + 32 >> 3] = BigInt(stats.files);
          HEAP64[buf + 40 >> 3] = BigInt(stats.ffree);
          HEAPU32[buf + 48 >> 2] = stats.fsid;
          HEAPU32[buf + 64 >> 2] = stats.flags;
          HEAPU32[buf + 56 >> 2] = stats.namelen;
        }, doMsync(addr, stream, len, flags, offset) {
          if (!FS.isFile(stream.node.mode)) {
            throw new FS.ErrnoError(43);
          }
          if (flags & 2) {
            return 0;
          }
          var buffer = HEAPU8.subarray(addr, addr + len);
          FS.msync(stream, buffer, offset, len, flags);
        }, getStreamFromFD(fd) {
          var stream = FS.getStreamChecked(fd);
          return stream;
        }, varargs: void 0, getStr(ptr) {
          var ret = UTF8ToString(ptr);
          return ret;
        } };
        function _fd_close(fd) {
          try {
            var stream = SYSCALLS.getStreamFromFD(fd);
            FS.close(stream);
            return 0;
          } catch (e) {
            if (typeof FS == "undefined" || !(e.name === "ErrnoError")) throw e;
            return e.errno;
          }
        }
        var doReadv = (stream, iov, iovcnt, offset) => {
          var ret = 0;
          for (var i = 0; i < iovcnt; i++) {
            var ptr = HEAPU32[iov >> 2];
            var len = HEAPU32[iov + 4 >> 2];
            iov += 8;
            try {
              var curr = FS.read(stream, HEAP8, ptr, len, offset);
            } catch (e) {
              if (ret > 0 && e instanceof FS.ErrnoError && (e.errno == 6 || e.errno == 6)) {
                break;
              }
              throw e;
            }
            if (curr < 0) return -1;
            ret += curr;
            if (curr < len) break;
            if (typeof offset != "undefined") {
              offset += curr;
            }
          }
          return ret;
        };
        function _fd_read(fd, iov, iovcnt, pnum) {
          try {
            var stream = SYSCALLS.getStreamFromFD(fd);
            var num = doReadv(stream, iov, iovcnt);
            HEAPU32[pnum >> 2] = num;
            return 0;
          } catch (e) {
            if (typeof FS == "undefined" || !(e.name === "ErrnoError")) throw e;
            return e.errno;
          }
        }
        var INT53_MAX = 9007199254740992;
        var INT53_MIN = -9007199254740992;
        var bigintToI53Checked = (num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num);
        function _fd_seek(fd, offset, whence, newOffset) {
          offset = bigintToI53Checked(offset);
          try {
            if (isNaN(offset)) return 22;
            var stream = SYSCALLS.getStreamFromFD(fd);
            FS.llseek(stream, offset, whence);
            HEAP64[newOffset >> 3] = BigInt(stream.position);
            if (stream.getdents && offset === 0 && whence === 0) stream.getdents = null;
            return 0;
          } catch (e) {
            if (typeof FS == "undefined" || !(e.name === "ErrnoError")) throw e;
            return e.errno;
          }
        }
        var doWritev = (stream, iov, iovcnt, offset) => {
          if (iovcnt == 1) {
            return FS.write(stream, HEAP8, HEAPU32[iov >> 2], HEAPU32[iov + 4 >> 2], offset);
          }
          var total = 0;
          for (var i = 0, p = iov; i < iovcnt; i++, p += 8) {
            total += HEAPU32[p + 4 >> 2];
          }
          var view = new Uint8Array(total);
          var voff = 0;
          for (var i = 0; i < iovcnt; i++, iov += 8) {
            var ptr = HEAPU32[iov >> 2];
            var len = HEAPU32[iov + 4 >> 2];
            view.set(HEAPU8.subarray(ptr, ptr + len), voff);
            voff += len;
          }
          return FS.write(stream, view, 0, total, offset);
        };
        function _fd_write(fd, iov, iovcnt, pnum) {
          try {
            var stream = SYSCALLS.getStreamFromFD(fd);
            var num = doWritev(stream, iov, iovcnt);
            HEAPU32[pnum >> 2] = num;
            return 0;
          } catch (e) {
            if (typeof FS == "undefined" || !(e.name === "ErrnoError")) throw e;
            return e.errno;
          }
        }
        var wasmTableMirror = [];
        var getWasmTableEntry = (funcPtr) => {
          var func = wasmTableMirror[funcPtr];
          if (!func) {
            wasmTableMirror[funcPtr] = func = wasmTable.get(funcPtr);
          }
          return func;
        };
        var stringToUTF8 = (str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite);
        FS.createPreloadedFile = FS_createPreloadedFile;
        FS.preloadFile = FS_preloadFile;
        FS.staticInit();
        {
          if (Module["noExitRuntime"]) noExitRuntime = Module["noExitRuntime"];
          if (Module["print"]) out = Module["print"];
          if (Module["printErr"]) err = Module["printErr"];
          if (Module["arguments"]) programArgs = Module["arguments"];
          if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
          var preInit = Module["preInit"];
          if (preInit) {
            if (typeof preInit == "function") Module["preInit"] = preInit = [preInit];
            while (preInit.length > 0) {
              preInit.shift()();
            }
          }
        }
        Module["getValue"] = getValue;
        Module["UTF8ToString"] = UTF8ToString;
        Module["stringToUTF8"] = stringToUTF8;
        Module["lengthBytesUTF8"] = lengthBytesUTF8;
        var _wasm_parse_query, _malloc, _free, _wasm_parse_query_raw, _wasm_free_parse_result, _wasm_parse_plpgsql, _wasm_fingerprint, _wasm_normalize_query, _wasm_parse_query_detailed, _wasm_free_detailed_result, _wasm_scan, _wasm_free_string, __emscripten_timeout, _setThrew, __emscripten_stack_restore, _emscripten_stack_get_current, memory, __indirect_function_table, wasmMemory, wasmTable;
        function assignWasmExports(wasmExports2) {
          _wasm_parse_query = Module["_wasm_parse_query"] = wasmExports2["B"];
          _malloc = Module["_malloc"] = wasmExports2["C"];
          _free = Module["_free"] = wasmExports2["E"];
          _wasm_parse_query_raw = Module["_wasm_parse_query_raw"] = wasmExports2["F"];
          _wasm_free_parse_result = Module["_wasm_free_parse_result"] = wasmExports2["G"];
          _wasm_parse_plpgsql = Module["_wasm_parse_plpgsql"] = wasmExports2["H"];
          _wasm_fingerprint = Module["_wasm_fingerprint"] = wasmExports2["I"];
          _wasm_normalize_query = Module["_wasm_normalize_query"] = wasmExports2["J"];
          _wasm_parse_query_detailed = Module["_wasm_parse_query_detailed"] = wasmExports2["K"];
          _wasm_free_detailed_result = Module["_wasm_free_detailed_result"] = wasmExports2["L"];
          _wasm_scan = Module["_wasm_scan"] = wasmExports2["M"];
          _wasm_free_string = Module["_wasm_free_string"] = wasmExports2["N"];
          __emscripten_timeout = wasmExports2["O"];
          _setThrew = wasmExports2["P"];
          __emscripten_stack_restore = wasmExports2["Q"];
          _emscripten_stack_get_current = wasmExports2["R"];
          memory = wasmMemory = wasmExports2["z"];
          __indirect_function_table = wasmTable = wasmExports2["D"];
        }
        var wasmImports = { c: ___assert_fail, x: __abort_js, w: __emscripten_runtime_keepalive_clear, p: __emscripten_throw_longjmp, o: __setitimer_js, q: _emscripten_resize_heap, m: _exit, u: _fd_close, r: _fd_read, s: _fd_seek, t: _fd_write, g: invoke_i, b: invoke_ii, a: invoke_iii, d: invoke_iiii, k: invoke_iiiii, l: invoke_ji, e: invoke_v, f: invoke_vi, h: invoke_vii, j: invoke_viii, i: invoke_viiii, y: invoke_viiiii, n: invoke_viiiiiiiiiiiii, v: _proc_exit };
        function invoke_iii(index, a1, a2) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)(a1, a2);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_ii(index, a1) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)(a1);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_i(index) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)();
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_v(index) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)();
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_iiii(index, a1, a2, a3) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)(a1, a2, a3);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_viiii(index, a1, a2, a3, a4) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1, a2, a3, a4);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_viiiiiiiiiiiii(index, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_iiiii(index, a1, a2, a3, a4) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)(a1, a2, a3, a4);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_viii(index, a1, a2, a3) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1, a2, a3);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_vi(index, a1) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_vii(index, a1, a2) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1, a2);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_viiiii(index, a1, a2, a3, a4, a5) {
          var sp = stackSave();
          try {
            getWasmTableEntry(index)(a1, a2, a3, a4, a5);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
          }
        }
        function invoke_ji(index, a1) {
          var sp = stackSave();
          try {
            return getWasmTableEntry(index)(a1);
          } catch (e) {
            stackRestore(sp);
            if (!(e instanceof EmscriptenEH)) throw e;
            _setThrew(1, 0);
            return 0n;
          }
        }
        async function run() {
          preRun();
          if (runDependencies) {
            await resolveRunDependencies();
          }
          var setStatus = Module["setStatus"];
          if (setStatus) {
            setStatus("Running...");
            await new Promise((resolve) => setTimeout(resolve, 1));
            setTimeout(setStatus, 1, "");
          }
          if (ABORT) return;
          initRuntime();
          Module["onRuntimeInitialized"]?.();
          postRun();
        }
        var wasmExports;
        wasmExports = await createWasm();
        await run();
        ;
        return Module;
      };
    })();
    if (typeof exports === "object" && typeof module === "object") {
      module.exports = PgQueryModule;
      module.exports.default = PgQueryModule;
    } else if (typeof define === "function" && define["amd"]) define([], () => PgQueryModule);
  }
});

// node_modules/libpg-query/wasm/index.cjs
var require_wasm = __commonJS({
  "node_modules/libpg-query/wasm/index.cjs"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.scan = exports.normalize = exports.fingerprint = exports.parsePlPgSQL = exports.parse = exports.SqlError = void 0;
    exports.hasSqlDetails = hasSqlDetails;
    exports.formatSqlError = formatSqlError;
    exports.loadModule = loadModule2;
    exports.parseSync = parseSync3;
    exports.parsePlPgSQLSync = parsePlPgSQLSync;
    exports.fingerprintSync = fingerprintSync;
    exports.normalizeSync = normalizeSync;
    exports.scanSync = scanSync2;
    __exportStar(require_types2(), exports);
    var SqlError = class extends Error {
      sqlDetails;
      constructor(message, details) {
        super(message);
        this.name = "SqlError";
        this.sqlDetails = details;
      }
    };
    exports.SqlError = SqlError;
    function hasSqlDetails(error) {
      return error instanceof SqlError && error.sqlDetails !== void 0;
    }
    function formatSqlError(error, query, options = {}) {
      const { showPosition = true, showQuery = true, color = false, maxQueryLength } = options;
      const lines = [];
      const red = color ? "\x1B[31m" : "";
      const yellow = color ? "\x1B[33m" : "";
      const reset = color ? "\x1B[0m" : "";
      lines.push(`${red}Error: ${error.message}${reset}`);
      if (error.sqlDetails) {
        const { cursorPosition, fileName, functionName, lineNumber } = error.sqlDetails;
        if (cursorPosition !== void 0 && cursorPosition >= 0) {
          lines.push(`Position: ${cursorPosition}`);
        }
        if (fileName || functionName || lineNumber) {
          const details = [];
          if (fileName)
            details.push(`file: ${fileName}`);
          if (functionName)
            details.push(`function: ${functionName}`);
          if (lineNumber)
            details.push(`line: ${lineNumber}`);
          lines.push(`Source: ${details.join(", ")}`);
        }
        if (showQuery && showPosition && cursorPosition !== void 0 && cursorPosition >= 0) {
          let displayQuery = query;
          let adjustedPosition = cursorPosition;
          if (maxQueryLength && query.length > maxQueryLength) {
            const start = Math.max(0, cursorPosition - Math.floor(maxQueryLength / 2));
            const end = Math.min(query.length, start + maxQueryLength);
            displayQuery = (start > 0 ? "..." : "") + query.substring(start, end) + (end < query.length ? "..." : "");
            adjustedPosition = cursorPosition - start + (start > 0 ? 3 : 0);
          }
          lines.push(displayQuery);
          lines.push(" ".repeat(adjustedPosition) + `${yellow}^${reset}`);
        }
      } else if (showQuery) {
        let displayQuery = query;
        if (maxQueryLength && query.length > maxQueryLength) {
          displayQuery = query.substring(0, maxQueryLength) + "...";
        }
        lines.push(`Query: ${displayQuery}`);
      }
      return lines.join("\n");
    }
    var libpg_query_js_1 = __importDefault(require_libpg_query());
    var wasmModule;
    var initPromise = (0, libpg_query_js_1.default)().then((module2) => {
      wasmModule = module2;
    });
    function ensureLoaded() {
      if (!wasmModule)
        throw new Error("WASM module not initialized. Call `loadModule()` first.");
    }
    async function loadModule2() {
      if (!wasmModule) {
        await initPromise;
      }
    }
    function awaitInit(fn) {
      return (async (...args) => {
        await initPromise;
        return fn(...args);
      });
    }
    function stringToPtr(str) {
      ensureLoaded();
      if (typeof str !== "string") {
        throw new TypeError(`Expected a string, got ${typeof str}`);
      }
      const len = wasmModule.lengthBytesUTF8(str) + 1;
      const ptr = wasmModule._malloc(len);
      try {
        wasmModule.stringToUTF8(str, ptr, len);
        return ptr;
      } catch (error) {
        wasmModule._free(ptr);
        throw error;
      }
    }
    function ptrToString(ptr) {
      ensureLoaded();
      if (typeof ptr !== "number") {
        throw new TypeError(`Expected a number, got ${typeof ptr}`);
      }
      return wasmModule.UTF8ToString(ptr);
    }
    exports.parse = awaitInit(async (query) => {
      if (query === null || query === void 0) {
        throw new Error("Query cannot be null or undefined");
      }
      if (query === "") {
        throw new Error("Query cannot be empty");
      }
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_parse_query_raw(queryPtr);
        if (!resultPtr) {
          throw new Error("Failed to parse query: memory allocation failed");
        }
        const parseTreePtr = wasmModule.getValue(resultPtr, "i32");
        const stderrBufferPtr = wasmModule.getValue(resultPtr + 4, "i32");
        const errorPtr = wasmModule.getValue(resultPtr + 8, "i32");
        if (errorPtr) {
          const messagePtr = wasmModule.getValue(errorPtr, "i32");
          const funcnamePtr = wasmModule.getValue(errorPtr + 4, "i32");
          const filenamePtr = wasmModule.getValue(errorPtr + 8, "i32");
          const lineno = wasmModule.getValue(errorPtr + 12, "i32");
          const cursorpos = wasmModule.getValue(errorPtr + 16, "i32");
          const message = messagePtr ? wasmModule.UTF8ToString(messagePtr) : "Unknown error";
          const funcname = funcnamePtr ? wasmModule.UTF8ToString(funcnamePtr) : void 0;
          const filename = filenamePtr ? wasmModule.UTF8ToString(filenamePtr) : void 0;
          throw new SqlError(message, {
            message,
            cursorPosition: cursorpos > 0 ? cursorpos - 1 : 0,
            // Convert to 0-based
            fileName: filename,
            functionName: funcname,
            lineNumber: lineno > 0 ? lineno : void 0
          });
        }
        if (!parseTreePtr) {
          throw new Error("No parse tree generated");
        }
        const parseTreeStr = wasmModule.UTF8ToString(parseTreePtr);
        return JSON.parse(parseTreeStr);
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_parse_result(resultPtr);
        }
      }
    });
    exports.parsePlPgSQL = awaitInit(async (query) => {
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_parse_plpgsql(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (!resultStr.startsWith("{")) {
          throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    });
    exports.fingerprint = awaitInit(async (query) => {
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_fingerprint(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith("syntax error") || resultStr.startsWith("deparse error") || resultStr.startsWith("ERROR")) {
          throw new Error(resultStr);
        }
        return resultStr;
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    });
    exports.normalize = awaitInit(async (query) => {
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_normalize_query(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith("syntax error") || resultStr.startsWith("deparse error") || resultStr.startsWith("ERROR")) {
          throw new Error(resultStr);
        }
        return resultStr;
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    });
    function parseSync3(query) {
      if (!wasmModule) {
        throw new Error("WASM module not initialized. Call loadModule() first.");
      }
      if (query === null || query === void 0) {
        throw new Error("Query cannot be null or undefined");
      }
      if (query === "") {
        throw new Error("Query cannot be empty");
      }
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_parse_query_raw(queryPtr);
        if (!resultPtr) {
          throw new Error("Failed to parse query: memory allocation failed");
        }
        const parseTreePtr = wasmModule.getValue(resultPtr, "i32");
        const stderrBufferPtr = wasmModule.getValue(resultPtr + 4, "i32");
        const errorPtr = wasmModule.getValue(resultPtr + 8, "i32");
        if (errorPtr) {
          const messagePtr = wasmModule.getValue(errorPtr, "i32");
          const funcnamePtr = wasmModule.getValue(errorPtr + 4, "i32");
          const filenamePtr = wasmModule.getValue(errorPtr + 8, "i32");
          const lineno = wasmModule.getValue(errorPtr + 12, "i32");
          const cursorpos = wasmModule.getValue(errorPtr + 16, "i32");
          const message = messagePtr ? wasmModule.UTF8ToString(messagePtr) : "Unknown error";
          const funcname = funcnamePtr ? wasmModule.UTF8ToString(funcnamePtr) : void 0;
          const filename = filenamePtr ? wasmModule.UTF8ToString(filenamePtr) : void 0;
          throw new SqlError(message, {
            message,
            cursorPosition: cursorpos > 0 ? cursorpos - 1 : 0,
            // Convert to 0-based
            fileName: filename,
            functionName: funcname,
            lineNumber: lineno > 0 ? lineno : void 0
          });
        }
        if (!parseTreePtr) {
          throw new Error("No parse tree generated");
        }
        const parseTreeStr = wasmModule.UTF8ToString(parseTreePtr);
        return JSON.parse(parseTreeStr);
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_parse_result(resultPtr);
        }
      }
    }
    function parsePlPgSQLSync(query) {
      if (!wasmModule) {
        throw new Error("WASM module not initialized. Call loadModule() first.");
      }
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_parse_plpgsql(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (!resultStr.startsWith("{")) {
          throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    }
    function fingerprintSync(query) {
      if (!wasmModule) {
        throw new Error("WASM module not initialized. Call loadModule() first.");
      }
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_fingerprint(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith("syntax error") || resultStr.startsWith("deparse error") || resultStr.startsWith("ERROR")) {
          throw new Error(resultStr);
        }
        return resultStr;
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    }
    function normalizeSync(query) {
      if (!wasmModule) {
        throw new Error("WASM module not initialized. Call loadModule() first.");
      }
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_normalize_query(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith("syntax error") || resultStr.startsWith("deparse error") || resultStr.startsWith("ERROR")) {
          throw new Error(resultStr);
        }
        return resultStr;
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    }
    exports.scan = awaitInit(async (query) => {
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_scan(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith("syntax error") || resultStr.startsWith("deparse error") || resultStr.startsWith("ERROR")) {
          throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    });
    function scanSync2(query) {
      if (!wasmModule) {
        throw new Error("WASM module not initialized. Call loadModule() first.");
      }
      const queryPtr = stringToPtr(query);
      let resultPtr = 0;
      try {
        resultPtr = wasmModule._wasm_scan(queryPtr);
        const resultStr = ptrToString(resultPtr);
        if (resultStr.startsWith("syntax error") || resultStr.startsWith("deparse error") || resultStr.startsWith("ERROR")) {
          throw new Error(resultStr);
        }
        return JSON.parse(resultStr);
      } finally {
        wasmModule._free(queryPtr);
        if (resultPtr) {
          wasmModule._wasm_free_string(resultPtr);
        }
      }
    }
  }
});

// node_modules/prelude-ls/lib/Func.js
var require_Func = __commonJS({
  "node_modules/prelude-ls/lib/Func.js"(exports, module) {
    var apply;
    var curry;
    var flip;
    var fix;
    var over;
    var memoize;
    var toString$ = {}.toString;
    apply = curry$(function(f, list) {
      return f.apply(null, list);
    });
    curry = function(f) {
      return curry$(f);
    };
    flip = curry$(function(f, x, y) {
      return f(y, x);
    });
    fix = function(f) {
      return /* @__PURE__ */ (function(g) {
        return function() {
          return f(g(g)).apply(null, arguments);
        };
      })(function(g) {
        return function() {
          return f(g(g)).apply(null, arguments);
        };
      });
    };
    over = curry$(function(f, g, x, y) {
      return f(g(x), g(y));
    });
    memoize = function(f) {
      var memo;
      memo = {};
      return function() {
        var args, res$, i$, to$, key, arg;
        res$ = [];
        for (i$ = 0, to$ = arguments.length; i$ < to$; ++i$) {
          res$.push(arguments[i$]);
        }
        args = res$;
        key = (function() {
          var i$2, ref$, len$, results$ = [];
          for (i$2 = 0, len$ = (ref$ = args).length; i$2 < len$; ++i$2) {
            arg = ref$[i$2];
            results$.push(arg + toString$.call(arg).slice(8, -1));
          }
          return results$;
        })().join("");
        return memo[key] = key in memo ? memo[key] : f.apply(null, args);
      };
    };
    module.exports = {
      curry,
      flip,
      fix,
      apply,
      over,
      memoize
    };
    function curry$(f, bound) {
      var context, _curry = function(args) {
        return f.length > 1 ? function() {
          var params = args ? args.concat() : [];
          context = bound ? context || this : this;
          return params.push.apply(params, arguments) < f.length && arguments.length ? _curry.call(context, params) : f.apply(context, params);
        } : f;
      };
      return _curry();
    }
  }
});

// node_modules/prelude-ls/lib/List.js
var require_List = __commonJS({
  "node_modules/prelude-ls/lib/List.js"(exports, module) {
    var each;
    var map;
    var compact;
    var filter;
    var reject;
    var remove;
    var partition;
    var find;
    var head;
    var first;
    var tail;
    var last;
    var initial;
    var empty;
    var reverse;
    var unique;
    var uniqueBy;
    var fold;
    var foldl;
    var fold1;
    var foldl1;
    var foldr;
    var foldr1;
    var unfoldr;
    var concat;
    var concatMap;
    var flatten;
    var difference;
    var intersection;
    var union;
    var countBy;
    var groupBy;
    var andList;
    var orList;
    var any;
    var all;
    var sort;
    var sortWith;
    var sortBy;
    var sum;
    var product;
    var mean;
    var average;
    var maximum;
    var minimum;
    var maximumBy;
    var minimumBy;
    var scan;
    var scanl;
    var scan1;
    var scanl1;
    var scanr;
    var scanr1;
    var slice;
    var take;
    var drop;
    var splitAt;
    var takeWhile;
    var dropWhile;
    var span;
    var breakList;
    var zip;
    var zipWith;
    var zipAll;
    var zipAllWith;
    var at;
    var elemIndex;
    var elemIndices;
    var findIndex;
    var findIndices;
    var toString$ = {}.toString;
    each = curry$(function(f, xs) {
      var i$, len$, x;
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        f(x);
      }
      return xs;
    });
    map = curry$(function(f, xs) {
      var i$, len$, x, results$ = [];
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        results$.push(f(x));
      }
      return results$;
    });
    compact = function(xs) {
      var i$, len$, x, results$ = [];
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        if (x) {
          results$.push(x);
        }
      }
      return results$;
    };
    filter = curry$(function(f, xs) {
      var i$, len$, x, results$ = [];
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        if (f(x)) {
          results$.push(x);
        }
      }
      return results$;
    });
    reject = curry$(function(f, xs) {
      var i$, len$, x, results$ = [];
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        if (!f(x)) {
          results$.push(x);
        }
      }
      return results$;
    });
    remove = curry$(function(el, xs) {
      var i, x$;
      i = elemIndex(el, xs);
      x$ = xs.slice();
      if (i != null) {
        x$.splice(i, 1);
      }
      return x$;
    });
    partition = curry$(function(f, xs) {
      var passed, failed, i$, len$, x;
      passed = [];
      failed = [];
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        (f(x) ? passed : failed).push(x);
      }
      return [passed, failed];
    });
    find = curry$(function(f, xs) {
      var i$, len$, x;
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        if (f(x)) {
          return x;
        }
      }
    });
    head = first = function(xs) {
      return xs[0];
    };
    tail = function(xs) {
      if (!xs.length) {
        return;
      }
      return xs.slice(1);
    };
    last = function(xs) {
      return xs[xs.length - 1];
    };
    initial = function(xs) {
      if (!xs.length) {
        return;
      }
      return xs.slice(0, -1);
    };
    empty = function(xs) {
      return !xs.length;
    };
    reverse = function(xs) {
      return xs.concat().reverse();
    };
    unique = function(xs) {
      var result, i$, len$, x;
      result = [];
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        if (!in$(x, result)) {
          result.push(x);
        }
      }
      return result;
    };
    uniqueBy = curry$(function(f, xs) {
      var seen, i$, len$, x, val, results$ = [];
      seen = [];
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        val = f(x);
        if (in$(val, seen)) {
          continue;
        }
        seen.push(val);
        results$.push(x);
      }
      return results$;
    });
    fold = foldl = curry$(function(f, memo, xs) {
      var i$, len$, x;
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        memo = f(memo, x);
      }
      return memo;
    });
    fold1 = foldl1 = curry$(function(f, xs) {
      return fold(f, xs[0], xs.slice(1));
    });
    foldr = curry$(function(f, memo, xs) {
      var i$, x;
      for (i$ = xs.length - 1; i$ >= 0; --i$) {
        x = xs[i$];
        memo = f(x, memo);
      }
      return memo;
    });
    foldr1 = curry$(function(f, xs) {
      return foldr(f, xs[xs.length - 1], xs.slice(0, -1));
    });
    unfoldr = curry$(function(f, b) {
      var result, x, that;
      result = [];
      x = b;
      while ((that = f(x)) != null) {
        result.push(that[0]);
        x = that[1];
      }
      return result;
    });
    concat = function(xss) {
      return [].concat.apply([], xss);
    };
    concatMap = curry$(function(f, xs) {
      var x;
      return [].concat.apply([], (function() {
        var i$, ref$, len$, results$ = [];
        for (i$ = 0, len$ = (ref$ = xs).length; i$ < len$; ++i$) {
          x = ref$[i$];
          results$.push(f(x));
        }
        return results$;
      })());
    });
    flatten = function(xs) {
      var x;
      return [].concat.apply([], (function() {
        var i$, ref$, len$, results$ = [];
        for (i$ = 0, len$ = (ref$ = xs).length; i$ < len$; ++i$) {
          x = ref$[i$];
          if (toString$.call(x).slice(8, -1) === "Array") {
            results$.push(flatten(x));
          } else {
            results$.push(x);
          }
        }
        return results$;
      })());
    };
    difference = function(xs) {
      var yss, res$, i$, to$, results, len$, x, j$, len1$, ys;
      res$ = [];
      for (i$ = 1, to$ = arguments.length; i$ < to$; ++i$) {
        res$.push(arguments[i$]);
      }
      yss = res$;
      results = [];
      outer: for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        for (j$ = 0, len1$ = yss.length; j$ < len1$; ++j$) {
          ys = yss[j$];
          if (in$(x, ys)) {
            continue outer;
          }
        }
        results.push(x);
      }
      return results;
    };
    intersection = function(xs) {
      var yss, res$, i$, to$, results, len$, x, j$, len1$, ys;
      res$ = [];
      for (i$ = 1, to$ = arguments.length; i$ < to$; ++i$) {
        res$.push(arguments[i$]);
      }
      yss = res$;
      results = [];
      outer: for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        for (j$ = 0, len1$ = yss.length; j$ < len1$; ++j$) {
          ys = yss[j$];
          if (!in$(x, ys)) {
            continue outer;
          }
        }
        results.push(x);
      }
      return results;
    };
    union = function() {
      var xss, res$, i$, to$, results, len$, xs, j$, len1$, x;
      res$ = [];
      for (i$ = 0, to$ = arguments.length; i$ < to$; ++i$) {
        res$.push(arguments[i$]);
      }
      xss = res$;
      results = [];
      for (i$ = 0, len$ = xss.length; i$ < len$; ++i$) {
        xs = xss[i$];
        for (j$ = 0, len1$ = xs.length; j$ < len1$; ++j$) {
          x = xs[j$];
          if (!in$(x, results)) {
            results.push(x);
          }
        }
      }
      return results;
    };
    countBy = curry$(function(f, xs) {
      var results, i$, len$, x, key;
      results = {};
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        key = f(x);
        if (key in results) {
          results[key] += 1;
        } else {
          results[key] = 1;
        }
      }
      return results;
    });
    groupBy = curry$(function(f, xs) {
      var results, i$, len$, x, key;
      results = {};
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        key = f(x);
        if (key in results) {
          results[key].push(x);
        } else {
          results[key] = [x];
        }
      }
      return results;
    });
    andList = function(xs) {
      var i$, len$, x;
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        if (!x) {
          return false;
        }
      }
      return true;
    };
    orList = function(xs) {
      var i$, len$, x;
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        if (x) {
          return true;
        }
      }
      return false;
    };
    any = curry$(function(f, xs) {
      var i$, len$, x;
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        if (f(x)) {
          return true;
        }
      }
      return false;
    });
    all = curry$(function(f, xs) {
      var i$, len$, x;
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        if (!f(x)) {
          return false;
        }
      }
      return true;
    });
    sort = function(xs) {
      return xs.concat().sort(function(x, y) {
        if (x > y) {
          return 1;
        } else if (x < y) {
          return -1;
        } else {
          return 0;
        }
      });
    };
    sortWith = curry$(function(f, xs) {
      return xs.concat().sort(f);
    });
    sortBy = curry$(function(f, xs) {
      return xs.concat().sort(function(x, y) {
        if (f(x) > f(y)) {
          return 1;
        } else if (f(x) < f(y)) {
          return -1;
        } else {
          return 0;
        }
      });
    });
    sum = function(xs) {
      var result, i$, len$, x;
      result = 0;
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        result += x;
      }
      return result;
    };
    product = function(xs) {
      var result, i$, len$, x;
      result = 1;
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        result *= x;
      }
      return result;
    };
    mean = average = function(xs) {
      var sum2, i$, len$, x;
      sum2 = 0;
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        x = xs[i$];
        sum2 += x;
      }
      return sum2 / xs.length;
    };
    maximum = function(xs) {
      var max, i$, ref$, len$, x;
      max = xs[0];
      for (i$ = 0, len$ = (ref$ = xs.slice(1)).length; i$ < len$; ++i$) {
        x = ref$[i$];
        if (x > max) {
          max = x;
        }
      }
      return max;
    };
    minimum = function(xs) {
      var min, i$, ref$, len$, x;
      min = xs[0];
      for (i$ = 0, len$ = (ref$ = xs.slice(1)).length; i$ < len$; ++i$) {
        x = ref$[i$];
        if (x < min) {
          min = x;
        }
      }
      return min;
    };
    maximumBy = curry$(function(f, xs) {
      var max, i$, ref$, len$, x;
      max = xs[0];
      for (i$ = 0, len$ = (ref$ = xs.slice(1)).length; i$ < len$; ++i$) {
        x = ref$[i$];
        if (f(x) > f(max)) {
          max = x;
        }
      }
      return max;
    });
    minimumBy = curry$(function(f, xs) {
      var min, i$, ref$, len$, x;
      min = xs[0];
      for (i$ = 0, len$ = (ref$ = xs.slice(1)).length; i$ < len$; ++i$) {
        x = ref$[i$];
        if (f(x) < f(min)) {
          min = x;
        }
      }
      return min;
    });
    scan = scanl = curry$(function(f, memo, xs) {
      var last2, x;
      last2 = memo;
      return [memo].concat((function() {
        var i$, ref$, len$, results$ = [];
        for (i$ = 0, len$ = (ref$ = xs).length; i$ < len$; ++i$) {
          x = ref$[i$];
          results$.push(last2 = f(last2, x));
        }
        return results$;
      })());
    });
    scan1 = scanl1 = curry$(function(f, xs) {
      if (!xs.length) {
        return;
      }
      return scan(f, xs[0], xs.slice(1));
    });
    scanr = curry$(function(f, memo, xs) {
      xs = xs.concat().reverse();
      return scan(f, memo, xs).reverse();
    });
    scanr1 = curry$(function(f, xs) {
      if (!xs.length) {
        return;
      }
      xs = xs.concat().reverse();
      return scan(f, xs[0], xs.slice(1)).reverse();
    });
    slice = curry$(function(x, y, xs) {
      return xs.slice(x, y);
    });
    take = curry$(function(n, xs) {
      if (n <= 0) {
        return xs.slice(0, 0);
      } else {
        return xs.slice(0, n);
      }
    });
    drop = curry$(function(n, xs) {
      if (n <= 0) {
        return xs;
      } else {
        return xs.slice(n);
      }
    });
    splitAt = curry$(function(n, xs) {
      return [take(n, xs), drop(n, xs)];
    });
    takeWhile = curry$(function(p, xs) {
      var len, i;
      len = xs.length;
      if (!len) {
        return xs;
      }
      i = 0;
      while (i < len && p(xs[i])) {
        i += 1;
      }
      return xs.slice(0, i);
    });
    dropWhile = curry$(function(p, xs) {
      var len, i;
      len = xs.length;
      if (!len) {
        return xs;
      }
      i = 0;
      while (i < len && p(xs[i])) {
        i += 1;
      }
      return xs.slice(i);
    });
    span = curry$(function(p, xs) {
      return [takeWhile(p, xs), dropWhile(p, xs)];
    });
    breakList = curry$(function(p, xs) {
      return span(compose$(p, not$), xs);
    });
    zip = curry$(function(xs, ys) {
      var result, len, i$, len$, i, x;
      result = [];
      len = ys.length;
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        i = i$;
        x = xs[i$];
        if (i === len) {
          break;
        }
        result.push([x, ys[i]]);
      }
      return result;
    });
    zipWith = curry$(function(f, xs, ys) {
      var result, len, i$, len$, i, x;
      result = [];
      len = ys.length;
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        i = i$;
        x = xs[i$];
        if (i === len) {
          break;
        }
        result.push(f(x, ys[i]));
      }
      return result;
    });
    zipAll = function() {
      var xss, res$, i$, to$, minLength, len$, xs, ref$, i, lresult$, j$, results$ = [];
      res$ = [];
      for (i$ = 0, to$ = arguments.length; i$ < to$; ++i$) {
        res$.push(arguments[i$]);
      }
      xss = res$;
      minLength = void 0;
      for (i$ = 0, len$ = xss.length; i$ < len$; ++i$) {
        xs = xss[i$];
        minLength <= (ref$ = xs.length) || (minLength = ref$);
      }
      for (i$ = 0; i$ < minLength; ++i$) {
        i = i$;
        lresult$ = [];
        for (j$ = 0, len$ = xss.length; j$ < len$; ++j$) {
          xs = xss[j$];
          lresult$.push(xs[i]);
        }
        results$.push(lresult$);
      }
      return results$;
    };
    zipAllWith = function(f) {
      var xss, res$, i$, to$, minLength, len$, xs, ref$, i, results$ = [];
      res$ = [];
      for (i$ = 1, to$ = arguments.length; i$ < to$; ++i$) {
        res$.push(arguments[i$]);
      }
      xss = res$;
      minLength = void 0;
      for (i$ = 0, len$ = xss.length; i$ < len$; ++i$) {
        xs = xss[i$];
        minLength <= (ref$ = xs.length) || (minLength = ref$);
      }
      for (i$ = 0; i$ < minLength; ++i$) {
        i = i$;
        results$.push(f.apply(null, fn$()));
      }
      return results$;
      function fn$() {
        var i$2, ref$2, len$2, results$2 = [];
        for (i$2 = 0, len$2 = (ref$2 = xss).length; i$2 < len$2; ++i$2) {
          xs = ref$2[i$2];
          results$2.push(xs[i]);
        }
        return results$2;
      }
    };
    at = curry$(function(n, xs) {
      if (n < 0) {
        return xs[xs.length + n];
      } else {
        return xs[n];
      }
    });
    elemIndex = curry$(function(el, xs) {
      var i$, len$, i, x;
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        i = i$;
        x = xs[i$];
        if (x === el) {
          return i;
        }
      }
    });
    elemIndices = curry$(function(el, xs) {
      var i$, len$, i, x, results$ = [];
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        i = i$;
        x = xs[i$];
        if (x === el) {
          results$.push(i);
        }
      }
      return results$;
    });
    findIndex = curry$(function(f, xs) {
      var i$, len$, i, x;
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        i = i$;
        x = xs[i$];
        if (f(x)) {
          return i;
        }
      }
    });
    findIndices = curry$(function(f, xs) {
      var i$, len$, i, x, results$ = [];
      for (i$ = 0, len$ = xs.length; i$ < len$; ++i$) {
        i = i$;
        x = xs[i$];
        if (f(x)) {
          results$.push(i);
        }
      }
      return results$;
    });
    module.exports = {
      each,
      map,
      filter,
      compact,
      reject,
      remove,
      partition,
      find,
      head,
      first,
      tail,
      last,
      initial,
      empty,
      reverse,
      difference,
      intersection,
      union,
      countBy,
      groupBy,
      fold,
      fold1,
      foldl,
      foldl1,
      foldr,
      foldr1,
      unfoldr,
      andList,
      orList,
      any,
      all,
      unique,
      uniqueBy,
      sort,
      sortWith,
      sortBy,
      sum,
      product,
      mean,
      average,
      concat,
      concatMap,
      flatten,
      maximum,
      minimum,
      maximumBy,
      minimumBy,
      scan,
      scan1,
      scanl,
      scanl1,
      scanr,
      scanr1,
      slice,
      take,
      drop,
      splitAt,
      takeWhile,
      dropWhile,
      span,
      breakList,
      zip,
      zipWith,
      zipAll,
      zipAllWith,
      at,
      elemIndex,
      elemIndices,
      findIndex,
      findIndices
    };
    function curry$(f, bound) {
      var context, _curry = function(args) {
        return f.length > 1 ? function() {
          var params = args ? args.concat() : [];
          context = bound ? context || this : this;
          return params.push.apply(params, arguments) < f.length && arguments.length ? _curry.call(context, params) : f.apply(context, params);
        } : f;
      };
      return _curry();
    }
    function in$(x, xs) {
      var i = -1, l = xs.length >>> 0;
      while (++i < l) if (x === xs[i]) return true;
      return false;
    }
    function compose$() {
      var functions = arguments;
      return function() {
        var i, result;
        result = functions[0].apply(this, arguments);
        for (i = 1; i < functions.length; ++i) {
          result = functions[i](result);
        }
        return result;
      };
    }
    function not$(x) {
      return !x;
    }
  }
});

// node_modules/prelude-ls/lib/Obj.js
var require_Obj = __commonJS({
  "node_modules/prelude-ls/lib/Obj.js"(exports, module) {
    var values;
    var keys;
    var pairsToObj;
    var objToPairs;
    var listsToObj;
    var objToLists;
    var empty;
    var each;
    var map;
    var compact;
    var filter;
    var reject;
    var partition;
    var find;
    values = function(object) {
      var i$, x, results$ = [];
      for (i$ in object) {
        x = object[i$];
        results$.push(x);
      }
      return results$;
    };
    keys = function(object) {
      var x, results$ = [];
      for (x in object) {
        results$.push(x);
      }
      return results$;
    };
    pairsToObj = function(object) {
      var i$, len$, x, resultObj$ = {};
      for (i$ = 0, len$ = object.length; i$ < len$; ++i$) {
        x = object[i$];
        resultObj$[x[0]] = x[1];
      }
      return resultObj$;
    };
    objToPairs = function(object) {
      var key, value, results$ = [];
      for (key in object) {
        value = object[key];
        results$.push([key, value]);
      }
      return results$;
    };
    listsToObj = curry$(function(keys2, values2) {
      var i$, len$, i, key, resultObj$ = {};
      for (i$ = 0, len$ = keys2.length; i$ < len$; ++i$) {
        i = i$;
        key = keys2[i$];
        resultObj$[key] = values2[i];
      }
      return resultObj$;
    });
    objToLists = function(object) {
      var keys2, values2, key, value;
      keys2 = [];
      values2 = [];
      for (key in object) {
        value = object[key];
        keys2.push(key);
        values2.push(value);
      }
      return [keys2, values2];
    };
    empty = function(object) {
      var x;
      for (x in object) {
        return false;
      }
      return true;
    };
    each = curry$(function(f, object) {
      var i$, x;
      for (i$ in object) {
        x = object[i$];
        f(x);
      }
      return object;
    });
    map = curry$(function(f, object) {
      var k, x, resultObj$ = {};
      for (k in object) {
        x = object[k];
        resultObj$[k] = f(x);
      }
      return resultObj$;
    });
    compact = function(object) {
      var k, x, resultObj$ = {};
      for (k in object) {
        x = object[k];
        if (x) {
          resultObj$[k] = x;
        }
      }
      return resultObj$;
    };
    filter = curry$(function(f, object) {
      var k, x, resultObj$ = {};
      for (k in object) {
        x = object[k];
        if (f(x)) {
          resultObj$[k] = x;
        }
      }
      return resultObj$;
    });
    reject = curry$(function(f, object) {
      var k, x, resultObj$ = {};
      for (k in object) {
        x = object[k];
        if (!f(x)) {
          resultObj$[k] = x;
        }
      }
      return resultObj$;
    });
    partition = curry$(function(f, object) {
      var passed, failed, k, x;
      passed = {};
      failed = {};
      for (k in object) {
        x = object[k];
        (f(x) ? passed : failed)[k] = x;
      }
      return [passed, failed];
    });
    find = curry$(function(f, object) {
      var i$, x;
      for (i$ in object) {
        x = object[i$];
        if (f(x)) {
          return x;
        }
      }
    });
    module.exports = {
      values,
      keys,
      pairsToObj,
      objToPairs,
      listsToObj,
      objToLists,
      empty,
      each,
      map,
      filter,
      compact,
      reject,
      partition,
      find
    };
    function curry$(f, bound) {
      var context, _curry = function(args) {
        return f.length > 1 ? function() {
          var params = args ? args.concat() : [];
          context = bound ? context || this : this;
          return params.push.apply(params, arguments) < f.length && arguments.length ? _curry.call(context, params) : f.apply(context, params);
        } : f;
      };
      return _curry();
    }
  }
});

// node_modules/prelude-ls/lib/Str.js
var require_Str = __commonJS({
  "node_modules/prelude-ls/lib/Str.js"(exports, module) {
    var split;
    var join;
    var lines;
    var unlines;
    var words;
    var unwords;
    var chars;
    var unchars;
    var reverse;
    var repeat;
    var capitalize;
    var camelize;
    var dasherize;
    split = curry$(function(sep, str) {
      return str.split(sep);
    });
    join = curry$(function(sep, xs) {
      return xs.join(sep);
    });
    lines = function(str) {
      if (!str.length) {
        return [];
      }
      return str.split("\n");
    };
    unlines = function(it) {
      return it.join("\n");
    };
    words = function(str) {
      if (!str.length) {
        return [];
      }
      return str.split(/[ ]+/);
    };
    unwords = function(it) {
      return it.join(" ");
    };
    chars = function(it) {
      return it.split("");
    };
    unchars = function(it) {
      return it.join("");
    };
    reverse = function(str) {
      return str.split("").reverse().join("");
    };
    repeat = curry$(function(n, str) {
      var result, i$;
      result = "";
      for (i$ = 0; i$ < n; ++i$) {
        result += str;
      }
      return result;
    });
    capitalize = function(str) {
      return str.charAt(0).toUpperCase() + str.slice(1);
    };
    camelize = function(it) {
      return it.replace(/[-_]+(.)?/g, function(arg$, c) {
        return (c != null ? c : "").toUpperCase();
      });
    };
    dasherize = function(str) {
      return str.replace(/([^-A-Z])([A-Z]+)/g, function(arg$, lower, upper) {
        return lower + "-" + (upper.length > 1 ? upper : upper.toLowerCase());
      }).replace(/^([A-Z]+)/, function(arg$, upper) {
        if (upper.length > 1) {
          return upper + "-";
        } else {
          return upper.toLowerCase();
        }
      });
    };
    module.exports = {
      split,
      join,
      lines,
      unlines,
      words,
      unwords,
      chars,
      unchars,
      reverse,
      repeat,
      capitalize,
      camelize,
      dasherize
    };
    function curry$(f, bound) {
      var context, _curry = function(args) {
        return f.length > 1 ? function() {
          var params = args ? args.concat() : [];
          context = bound ? context || this : this;
          return params.push.apply(params, arguments) < f.length && arguments.length ? _curry.call(context, params) : f.apply(context, params);
        } : f;
      };
      return _curry();
    }
  }
});

// node_modules/prelude-ls/lib/Num.js
var require_Num = __commonJS({
  "node_modules/prelude-ls/lib/Num.js"(exports, module) {
    var max;
    var min;
    var negate;
    var abs;
    var signum;
    var quot;
    var rem;
    var div;
    var mod;
    var recip;
    var pi;
    var tau;
    var exp;
    var sqrt;
    var ln;
    var pow;
    var sin;
    var tan;
    var cos;
    var asin;
    var acos;
    var atan;
    var atan2;
    var truncate;
    var round;
    var ceiling;
    var floor;
    var isItNaN;
    var even;
    var odd;
    var gcd;
    var lcm;
    max = curry$(function(x$, y$) {
      return x$ > y$ ? x$ : y$;
    });
    min = curry$(function(x$, y$) {
      return x$ < y$ ? x$ : y$;
    });
    negate = function(x) {
      return -x;
    };
    abs = Math.abs;
    signum = function(x) {
      if (x < 0) {
        return -1;
      } else if (x > 0) {
        return 1;
      } else {
        return 0;
      }
    };
    quot = curry$(function(x, y) {
      return ~~(x / y);
    });
    rem = curry$(function(x$, y$) {
      return x$ % y$;
    });
    div = curry$(function(x, y) {
      return Math.floor(x / y);
    });
    mod = curry$(function(x$, y$) {
      var ref$;
      return (x$ % (ref$ = y$) + ref$) % ref$;
    });
    recip = (function(it) {
      return 1 / it;
    });
    pi = Math.PI;
    tau = pi * 2;
    exp = Math.exp;
    sqrt = Math.sqrt;
    ln = Math.log;
    pow = curry$(function(x$, y$) {
      return Math.pow(x$, y$);
    });
    sin = Math.sin;
    tan = Math.tan;
    cos = Math.cos;
    asin = Math.asin;
    acos = Math.acos;
    atan = Math.atan;
    atan2 = curry$(function(x, y) {
      return Math.atan2(x, y);
    });
    truncate = function(x) {
      return ~~x;
    };
    round = Math.round;
    ceiling = Math.ceil;
    floor = Math.floor;
    isItNaN = function(x) {
      return x !== x;
    };
    even = function(x) {
      return x % 2 === 0;
    };
    odd = function(x) {
      return x % 2 !== 0;
    };
    gcd = curry$(function(x, y) {
      var z;
      x = Math.abs(x);
      y = Math.abs(y);
      while (y !== 0) {
        z = x % y;
        x = y;
        y = z;
      }
      return x;
    });
    lcm = curry$(function(x, y) {
      return Math.abs(Math.floor(x / gcd(x, y) * y));
    });
    module.exports = {
      max,
      min,
      negate,
      abs,
      signum,
      quot,
      rem,
      div,
      mod,
      recip,
      pi,
      tau,
      exp,
      sqrt,
      ln,
      pow,
      sin,
      tan,
      cos,
      acos,
      asin,
      atan,
      atan2,
      truncate,
      round,
      ceiling,
      floor,
      isItNaN,
      even,
      odd,
      gcd,
      lcm
    };
    function curry$(f, bound) {
      var context, _curry = function(args) {
        return f.length > 1 ? function() {
          var params = args ? args.concat() : [];
          context = bound ? context || this : this;
          return params.push.apply(params, arguments) < f.length && arguments.length ? _curry.call(context, params) : f.apply(context, params);
        } : f;
      };
      return _curry();
    }
  }
});

// node_modules/prelude-ls/lib/index.js
var require_lib = __commonJS({
  "node_modules/prelude-ls/lib/index.js"(exports, module) {
    var Func;
    var List;
    var Obj;
    var Str;
    var Num;
    var id;
    var isType;
    var replicate;
    var prelude;
    var toString$ = {}.toString;
    Func = require_Func();
    List = require_List();
    Obj = require_Obj();
    Str = require_Str();
    Num = require_Num();
    id = function(x) {
      return x;
    };
    isType = curry$(function(type, x) {
      return toString$.call(x).slice(8, -1) === type;
    });
    replicate = curry$(function(n, x) {
      var i$, results$ = [];
      for (i$ = 0; i$ < n; ++i$) {
        results$.push(x);
      }
      return results$;
    });
    Str.empty = List.empty;
    Str.slice = List.slice;
    Str.take = List.take;
    Str.drop = List.drop;
    Str.splitAt = List.splitAt;
    Str.takeWhile = List.takeWhile;
    Str.dropWhile = List.dropWhile;
    Str.span = List.span;
    Str.breakStr = List.breakList;
    prelude = {
      Func,
      List,
      Obj,
      Str,
      Num,
      id,
      isType,
      replicate
    };
    prelude.each = List.each;
    prelude.map = List.map;
    prelude.filter = List.filter;
    prelude.compact = List.compact;
    prelude.reject = List.reject;
    prelude.partition = List.partition;
    prelude.find = List.find;
    prelude.head = List.head;
    prelude.first = List.first;
    prelude.tail = List.tail;
    prelude.last = List.last;
    prelude.initial = List.initial;
    prelude.empty = List.empty;
    prelude.reverse = List.reverse;
    prelude.difference = List.difference;
    prelude.intersection = List.intersection;
    prelude.union = List.union;
    prelude.countBy = List.countBy;
    prelude.groupBy = List.groupBy;
    prelude.fold = List.fold;
    prelude.foldl = List.foldl;
    prelude.fold1 = List.fold1;
    prelude.foldl1 = List.foldl1;
    prelude.foldr = List.foldr;
    prelude.foldr1 = List.foldr1;
    prelude.unfoldr = List.unfoldr;
    prelude.andList = List.andList;
    prelude.orList = List.orList;
    prelude.any = List.any;
    prelude.all = List.all;
    prelude.unique = List.unique;
    prelude.uniqueBy = List.uniqueBy;
    prelude.sort = List.sort;
    prelude.sortWith = List.sortWith;
    prelude.sortBy = List.sortBy;
    prelude.sum = List.sum;
    prelude.product = List.product;
    prelude.mean = List.mean;
    prelude.average = List.average;
    prelude.concat = List.concat;
    prelude.concatMap = List.concatMap;
    prelude.flatten = List.flatten;
    prelude.maximum = List.maximum;
    prelude.minimum = List.minimum;
    prelude.maximumBy = List.maximumBy;
    prelude.minimumBy = List.minimumBy;
    prelude.scan = List.scan;
    prelude.scanl = List.scanl;
    prelude.scan1 = List.scan1;
    prelude.scanl1 = List.scanl1;
    prelude.scanr = List.scanr;
    prelude.scanr1 = List.scanr1;
    prelude.slice = List.slice;
    prelude.take = List.take;
    prelude.drop = List.drop;
    prelude.splitAt = List.splitAt;
    prelude.takeWhile = List.takeWhile;
    prelude.dropWhile = List.dropWhile;
    prelude.span = List.span;
    prelude.breakList = List.breakList;
    prelude.zip = List.zip;
    prelude.zipWith = List.zipWith;
    prelude.zipAll = List.zipAll;
    prelude.zipAllWith = List.zipAllWith;
    prelude.at = List.at;
    prelude.elemIndex = List.elemIndex;
    prelude.elemIndices = List.elemIndices;
    prelude.findIndex = List.findIndex;
    prelude.findIndices = List.findIndices;
    prelude.apply = Func.apply;
    prelude.curry = Func.curry;
    prelude.flip = Func.flip;
    prelude.fix = Func.fix;
    prelude.over = Func.over;
    prelude.split = Str.split;
    prelude.join = Str.join;
    prelude.lines = Str.lines;
    prelude.unlines = Str.unlines;
    prelude.words = Str.words;
    prelude.unwords = Str.unwords;
    prelude.chars = Str.chars;
    prelude.unchars = Str.unchars;
    prelude.repeat = Str.repeat;
    prelude.capitalize = Str.capitalize;
    prelude.camelize = Str.camelize;
    prelude.dasherize = Str.dasherize;
    prelude.values = Obj.values;
    prelude.keys = Obj.keys;
    prelude.pairsToObj = Obj.pairsToObj;
    prelude.objToPairs = Obj.objToPairs;
    prelude.listsToObj = Obj.listsToObj;
    prelude.objToLists = Obj.objToLists;
    prelude.max = Num.max;
    prelude.min = Num.min;
    prelude.negate = Num.negate;
    prelude.abs = Num.abs;
    prelude.signum = Num.signum;
    prelude.quot = Num.quot;
    prelude.rem = Num.rem;
    prelude.div = Num.div;
    prelude.mod = Num.mod;
    prelude.recip = Num.recip;
    prelude.pi = Num.pi;
    prelude.tau = Num.tau;
    prelude.exp = Num.exp;
    prelude.sqrt = Num.sqrt;
    prelude.ln = Num.ln;
    prelude.pow = Num.pow;
    prelude.sin = Num.sin;
    prelude.tan = Num.tan;
    prelude.cos = Num.cos;
    prelude.acos = Num.acos;
    prelude.asin = Num.asin;
    prelude.atan = Num.atan;
    prelude.atan2 = Num.atan2;
    prelude.truncate = Num.truncate;
    prelude.round = Num.round;
    prelude.ceiling = Num.ceiling;
    prelude.floor = Num.floor;
    prelude.isItNaN = Num.isItNaN;
    prelude.even = Num.even;
    prelude.odd = Num.odd;
    prelude.gcd = Num.gcd;
    prelude.lcm = Num.lcm;
    prelude.VERSION = "1.2.1";
    module.exports = prelude;
    function curry$(f, bound) {
      var context, _curry = function(args) {
        return f.length > 1 ? function() {
          var params = args ? args.concat() : [];
          context = bound ? context || this : this;
          return params.push.apply(params, arguments) < f.length && arguments.length ? _curry.call(context, params) : f.apply(context, params);
        } : f;
      };
      return _curry();
    }
  }
});

// node_modules/levn/lib/parse-string.js
var require_parse_string = __commonJS({
  "node_modules/levn/lib/parse-string.js"(exports, module) {
    (function() {
      var reject, special, tokenRegex;
      reject = require_lib().reject;
      function consumeOp(tokens, op) {
        if (tokens[0] === op) {
          return tokens.shift();
        } else {
          throw new Error("Expected '" + op + "', but got '" + tokens[0] + "' instead in " + JSON.stringify(tokens) + ".");
        }
      }
      function maybeConsumeOp(tokens, op) {
        if (tokens[0] === op) {
          return tokens.shift();
        }
      }
      function consumeList(tokens, arg$, hasDelimiters) {
        var open, close, result, untilTest;
        open = arg$[0], close = arg$[1];
        if (hasDelimiters) {
          consumeOp(tokens, open);
        }
        result = [];
        untilTest = "," + (hasDelimiters ? close : "");
        while (tokens.length && (hasDelimiters && tokens[0] !== close)) {
          result.push(consumeElement(tokens, untilTest));
          maybeConsumeOp(tokens, ",");
        }
        if (hasDelimiters) {
          consumeOp(tokens, close);
        }
        return result;
      }
      function consumeArray(tokens, hasDelimiters) {
        return consumeList(tokens, ["[", "]"], hasDelimiters);
      }
      function consumeTuple(tokens, hasDelimiters) {
        return consumeList(tokens, ["(", ")"], hasDelimiters);
      }
      function consumeFields(tokens, hasDelimiters) {
        var result, untilTest, key;
        if (hasDelimiters) {
          consumeOp(tokens, "{");
        }
        result = {};
        untilTest = "," + (hasDelimiters ? "}" : "");
        while (tokens.length && (!hasDelimiters || tokens[0] !== "}")) {
          key = consumeValue(tokens, ":");
          consumeOp(tokens, ":");
          result[key] = consumeElement(tokens, untilTest);
          maybeConsumeOp(tokens, ",");
        }
        if (hasDelimiters) {
          consumeOp(tokens, "}");
        }
        return result;
      }
      function consumeValue(tokens, untilTest) {
        var out;
        untilTest == null && (untilTest = "");
        out = "";
        while (tokens.length && -1 === untilTest.indexOf(tokens[0])) {
          out += tokens.shift();
        }
        return out;
      }
      function consumeElement(tokens, untilTest) {
        switch (tokens[0]) {
          case "[":
            return consumeArray(tokens, true);
          case "(":
            return consumeTuple(tokens, true);
          case "{":
            return consumeFields(tokens, true);
          default:
            return consumeValue(tokens, untilTest);
        }
      }
      function consumeTopLevel(tokens, types, options) {
        var ref$, type, structure, origTokens, result, finalResult, x$, y$;
        ref$ = types[0], type = ref$.type, structure = ref$.structure;
        origTokens = tokens.concat();
        if (!options.explicit && types.length === 1 && (!type && structure || (type === "Array" || type === "Object"))) {
          result = structure === "array" || type === "Array" ? consumeArray(tokens, tokens[0] === "[") : structure === "tuple" ? consumeTuple(tokens, tokens[0] === "(") : consumeFields(tokens, tokens[0] === "{");
          finalResult = tokens.length ? consumeElement(structure === "array" || type === "Array" ? (x$ = origTokens, x$.unshift("["), x$.push("]"), x$) : (y$ = origTokens, y$.unshift("("), y$.push(")"), y$)) : result;
        } else {
          finalResult = consumeElement(tokens);
        }
        return finalResult;
      }
      special = /\[\]\(\)}{:,/.source;
      tokenRegex = RegExp(`("(?:\\\\"|[^"])*")|('(?:\\\\'|[^'])*')|(/(?:\\\\/|[^/])*/[a-zA-Z]*)|(#.*#)|([` + special + "])|([^\\s" + special + "](?:\\s*[^\\s" + special + "]+)*)|\\s*");
      module.exports = function(types, string, options) {
        var tokens, node;
        options == null && (options = {});
        if (!options.explicit && types.length === 1 && types[0].type === "String") {
          return string;
        }
        tokens = reject(not$, string.split(tokenRegex));
        node = consumeTopLevel(tokens, types, options);
        if (!node) {
          throw new Error("Error parsing '" + string + "'.");
        }
        return node;
      };
      function not$(x) {
        return !x;
      }
    }).call(exports);
  }
});

// node_modules/type-check/lib/parse-type.js
var require_parse_type = __commonJS({
  "node_modules/type-check/lib/parse-type.js"(exports, module) {
    (function() {
      var identifierRegex, tokenRegex;
      identifierRegex = /[\$\w]+/;
      function peek(tokens) {
        var token;
        token = tokens[0];
        if (token == null) {
          throw new Error("Unexpected end of input.");
        }
        return token;
      }
      function consumeIdent(tokens) {
        var token;
        token = peek(tokens);
        if (!identifierRegex.test(token)) {
          throw new Error("Expected text, got '" + token + "' instead.");
        }
        return tokens.shift();
      }
      function consumeOp(tokens, op) {
        var token;
        token = peek(tokens);
        if (token !== op) {
          throw new Error("Expected '" + op + "', got '" + token + "' instead.");
        }
        return tokens.shift();
      }
      function maybeConsumeOp(tokens, op) {
        var token;
        token = tokens[0];
        if (token === op) {
          return tokens.shift();
        } else {
          return null;
        }
      }
      function consumeArray(tokens) {
        var types;
        consumeOp(tokens, "[");
        if (peek(tokens) === "]") {
          throw new Error("Must specify type of Array - eg. [Type], got [] instead.");
        }
        types = consumeTypes(tokens);
        consumeOp(tokens, "]");
        return {
          structure: "array",
          of: types
        };
      }
      function consumeTuple(tokens) {
        var components;
        components = [];
        consumeOp(tokens, "(");
        if (peek(tokens) === ")") {
          throw new Error("Tuple must be of at least length 1 - eg. (Type), got () instead.");
        }
        for (; ; ) {
          components.push(consumeTypes(tokens));
          maybeConsumeOp(tokens, ",");
          if (")" === peek(tokens)) {
            break;
          }
        }
        consumeOp(tokens, ")");
        return {
          structure: "tuple",
          of: components
        };
      }
      function consumeFields(tokens) {
        var fields, subset, ref$, key, types;
        fields = {};
        consumeOp(tokens, "{");
        subset = false;
        for (; ; ) {
          if (maybeConsumeOp(tokens, "...")) {
            subset = true;
            break;
          }
          ref$ = consumeField(tokens), key = ref$[0], types = ref$[1];
          fields[key] = types;
          maybeConsumeOp(tokens, ",");
          if ("}" === peek(tokens)) {
            break;
          }
        }
        consumeOp(tokens, "}");
        return {
          structure: "fields",
          of: fields,
          subset
        };
      }
      function consumeField(tokens) {
        var key, types;
        key = consumeIdent(tokens);
        consumeOp(tokens, ":");
        types = consumeTypes(tokens);
        return [key, types];
      }
      function maybeConsumeStructure(tokens) {
        switch (tokens[0]) {
          case "[":
            return consumeArray(tokens);
          case "(":
            return consumeTuple(tokens);
          case "{":
            return consumeFields(tokens);
        }
      }
      function consumeType(tokens) {
        var token, wildcard, type, structure;
        token = peek(tokens);
        wildcard = token === "*";
        if (wildcard || identifierRegex.test(token)) {
          type = wildcard ? consumeOp(tokens, "*") : consumeIdent(tokens);
          structure = maybeConsumeStructure(tokens);
          if (structure) {
            return structure.type = type, structure;
          } else {
            return {
              type
            };
          }
        } else {
          structure = maybeConsumeStructure(tokens);
          if (!structure) {
            throw new Error("Unexpected character: " + token);
          }
          return structure;
        }
      }
      function consumeTypes(tokens) {
        var lookahead, types, typesSoFar, typeObj, type, structure;
        if ("::" === peek(tokens)) {
          throw new Error("No comment before comment separator '::' found.");
        }
        lookahead = tokens[1];
        if (lookahead != null && lookahead === "::") {
          tokens.shift();
          tokens.shift();
        }
        types = [];
        typesSoFar = {};
        if ("Maybe" === peek(tokens)) {
          tokens.shift();
          types = [
            {
              type: "Undefined"
            },
            {
              type: "Null"
            }
          ];
          typesSoFar = {
            Undefined: true,
            Null: true
          };
        }
        for (; ; ) {
          typeObj = consumeType(tokens), type = typeObj.type, structure = typeObj.structure;
          if (!typesSoFar[type]) {
            types.push(typeObj);
          }
          if (structure == null) {
            typesSoFar[type] = true;
          }
          if (!maybeConsumeOp(tokens, "|")) {
            break;
          }
        }
        return types;
      }
      tokenRegex = RegExp("\\.\\.\\.|::|->|" + identifierRegex.source + "|\\S", "g");
      module.exports = function(input) {
        var tokens, e;
        if (!input.length) {
          throw new Error("No type specified.");
        }
        tokens = input.match(tokenRegex) || [];
        if (in$("->", tokens)) {
          throw new Error("Function types are not supported. To validate that something is a function, you may use 'Function'.");
        }
        try {
          return consumeTypes(tokens);
        } catch (e$) {
          e = e$;
          throw new Error(e.message + " - Remaining tokens: " + JSON.stringify(tokens) + " - Initial input: '" + input + "'");
        }
      };
      function in$(x, xs) {
        var i = -1, l = xs.length >>> 0;
        while (++i < l) if (x === xs[i]) return true;
        return false;
      }
    }).call(exports);
  }
});

// node_modules/type-check/lib/check.js
var require_check = __commonJS({
  "node_modules/type-check/lib/check.js"(exports, module) {
    (function() {
      var ref$, any, all, isItNaN, types, defaultType, toString$ = {}.toString;
      ref$ = require_lib(), any = ref$.any, all = ref$.all, isItNaN = ref$.isItNaN;
      types = {
        Number: {
          typeOf: "Number",
          validate: function(it) {
            return !isItNaN(it);
          }
        },
        NaN: {
          typeOf: "Number",
          validate: isItNaN
        },
        Int: {
          typeOf: "Number",
          validate: function(it) {
            return !isItNaN(it) && it % 1 === 0;
          }
        },
        Float: {
          typeOf: "Number",
          validate: function(it) {
            return !isItNaN(it);
          }
        },
        Date: {
          typeOf: "Date",
          validate: function(it) {
            return !isItNaN(it.getTime());
          }
        }
      };
      defaultType = {
        array: "Array",
        tuple: "Array"
      };
      function checkArray(input, type, options) {
        return all(function(it) {
          return checkMultiple(it, type.of, options);
        }, input);
      }
      function checkTuple(input, type, options) {
        var i, i$, ref$2, len$, types2;
        i = 0;
        for (i$ = 0, len$ = (ref$2 = type.of).length; i$ < len$; ++i$) {
          types2 = ref$2[i$];
          if (!checkMultiple(input[i], types2, options)) {
            return false;
          }
          i++;
        }
        return input.length <= i;
      }
      function checkFields(input, type, options) {
        var inputKeys, numInputKeys, k, numOfKeys, key, ref$2, types2;
        inputKeys = {};
        numInputKeys = 0;
        for (k in input) {
          inputKeys[k] = true;
          numInputKeys++;
        }
        numOfKeys = 0;
        for (key in ref$2 = type.of) {
          types2 = ref$2[key];
          if (!checkMultiple(input[key], types2, options)) {
            return false;
          }
          if (inputKeys[key]) {
            numOfKeys++;
          }
        }
        return type.subset || numInputKeys === numOfKeys;
      }
      function checkStructure(input, type, options) {
        if (!(input instanceof Object)) {
          return false;
        }
        switch (type.structure) {
          case "fields":
            return checkFields(input, type, options);
          case "array":
            return checkArray(input, type, options);
          case "tuple":
            return checkTuple(input, type, options);
        }
      }
      function check(input, typeObj, options) {
        var type, structure, setting, that;
        type = typeObj.type, structure = typeObj.structure;
        if (type) {
          if (type === "*") {
            return true;
          }
          setting = options.customTypes[type] || types[type];
          if (setting) {
            return (setting.typeOf === void 0 || setting.typeOf === toString$.call(input).slice(8, -1)) && setting.validate(input);
          } else {
            return type === toString$.call(input).slice(8, -1) && (!structure || checkStructure(input, typeObj, options));
          }
        } else if (structure) {
          if (that = defaultType[structure]) {
            if (that !== toString$.call(input).slice(8, -1)) {
              return false;
            }
          }
          return checkStructure(input, typeObj, options);
        } else {
          throw new Error("No type defined. Input: " + input + ".");
        }
      }
      function checkMultiple(input, types2, options) {
        if (toString$.call(types2).slice(8, -1) !== "Array") {
          throw new Error("Types must be in an array. Input: " + input + ".");
        }
        return any(function(it) {
          return check(input, it, options);
        }, types2);
      }
      module.exports = function(parsedType, input, options) {
        options == null && (options = {});
        if (options.customTypes == null) {
          options.customTypes = {};
        }
        return checkMultiple(input, parsedType, options);
      };
    }).call(exports);
  }
});

// node_modules/type-check/lib/index.js
var require_lib2 = __commonJS({
  "node_modules/type-check/lib/index.js"(exports, module) {
    (function() {
      var VERSION, parseType, parsedTypeCheck, typeCheck;
      VERSION = "0.4.0";
      parseType = require_parse_type();
      parsedTypeCheck = require_check();
      typeCheck = function(type, input, options) {
        return parsedTypeCheck(parseType(type), input, options);
      };
      module.exports = {
        VERSION,
        typeCheck,
        parsedTypeCheck,
        parseType
      };
    }).call(exports);
  }
});

// node_modules/levn/lib/cast.js
var require_cast = __commonJS({
  "node_modules/levn/lib/cast.js"(exports, module) {
    (function() {
      var parsedTypeCheck, types, toString$ = {}.toString;
      parsedTypeCheck = require_lib2().parsedTypeCheck;
      types = {
        "*": function(value, options) {
          switch (toString$.call(value).slice(8, -1)) {
            case "Array":
              return typeCast(value, {
                type: "Array"
              }, options);
            case "Object":
              return typeCast(value, {
                type: "Object"
              }, options);
            default:
              return {
                type: "Just",
                value: typesCast(value, [
                  {
                    type: "Undefined"
                  },
                  {
                    type: "Null"
                  },
                  {
                    type: "NaN"
                  },
                  {
                    type: "Boolean"
                  },
                  {
                    type: "Number"
                  },
                  {
                    type: "Date"
                  },
                  {
                    type: "RegExp"
                  },
                  {
                    type: "Array"
                  },
                  {
                    type: "Object"
                  },
                  {
                    type: "String"
                  }
                ], (options.explicit = true, options))
              };
          }
        },
        Undefined: function(it) {
          if (it === "undefined" || it === void 0) {
            return {
              type: "Just",
              value: void 0
            };
          } else {
            return {
              type: "Nothing"
            };
          }
        },
        Null: function(it) {
          if (it === "null") {
            return {
              type: "Just",
              value: null
            };
          } else {
            return {
              type: "Nothing"
            };
          }
        },
        NaN: function(it) {
          if (it === "NaN") {
            return {
              type: "Just",
              value: NaN
            };
          } else {
            return {
              type: "Nothing"
            };
          }
        },
        Boolean: function(it) {
          if (it === "true") {
            return {
              type: "Just",
              value: true
            };
          } else if (it === "false") {
            return {
              type: "Just",
              value: false
            };
          } else {
            return {
              type: "Nothing"
            };
          }
        },
        Number: function(it) {
          return {
            type: "Just",
            value: +it
          };
        },
        Int: function(it) {
          return {
            type: "Just",
            value: +it
          };
        },
        Float: function(it) {
          return {
            type: "Just",
            value: +it
          };
        },
        Date: function(value, options) {
          var that;
          if (that = /^\#([\s\S]*)\#$/.exec(value)) {
            return {
              type: "Just",
              value: new Date(+that[1] || that[1])
            };
          } else if (options.explicit) {
            return {
              type: "Nothing"
            };
          } else {
            return {
              type: "Just",
              value: new Date(+value || value)
            };
          }
        },
        RegExp: function(value, options) {
          var that;
          if (that = /^\/([\s\S]*)\/([gimy]*)$/.exec(value)) {
            return {
              type: "Just",
              value: new RegExp(that[1], that[2])
            };
          } else if (options.explicit) {
            return {
              type: "Nothing"
            };
          } else {
            return {
              type: "Just",
              value: new RegExp(value)
            };
          }
        },
        Array: function(value, options) {
          return castArray(value, {
            of: [{
              type: "*"
            }]
          }, options);
        },
        Object: function(value, options) {
          return castFields(value, {
            of: {}
          }, options);
        },
        String: function(it) {
          var replace, that;
          if (toString$.call(it).slice(8, -1) !== "String") {
            return {
              type: "Nothing"
            };
          }
          replace = function(value, quote) {
            return value.replace(/\\([^u]|u[0-9a-fA-F]{4})/g, function(all, escaped) {
              switch (escaped[0]) {
                case quote:
                  return quote;
                case "\\":
                  return "\\";
                case "b":
                  return "\b";
                case "f":
                  return "\f";
                case "n":
                  return "\n";
                case "r":
                  return "\r";
                case "t":
                  return "	";
                case "u":
                  return JSON.parse('"' + all + '"');
                default:
                  return escaped;
              }
            });
          };
          if (that = it.match(/^'([\s\S]*)'$/)) {
            return {
              type: "Just",
              value: replace(that[1], "'")
            };
          } else if (that = it.match(/^"([\s\S]*)"$/)) {
            return {
              type: "Just",
              value: replace(that[1], '"')
            };
          } else {
            return {
              type: "Just",
              value: it
            };
          }
        }
      };
      function castArray(node, type, options) {
        var typeOf, element;
        if (toString$.call(node).slice(8, -1) !== "Array") {
          return {
            type: "Nothing"
          };
        }
        typeOf = type.of;
        return {
          type: "Just",
          value: (function() {
            var i$, ref$, len$, results$ = [];
            for (i$ = 0, len$ = (ref$ = node).length; i$ < len$; ++i$) {
              element = ref$[i$];
              results$.push(typesCast(element, typeOf, options));
            }
            return results$;
          })()
        };
      }
      function castTuple(node, type, options) {
        var result, i, i$, ref$, len$, types2, cast;
        if (toString$.call(node).slice(8, -1) !== "Array") {
          return {
            type: "Nothing"
          };
        }
        result = [];
        i = 0;
        for (i$ = 0, len$ = (ref$ = type.of).length; i$ < len$; ++i$) {
          types2 = ref$[i$];
          cast = typesCast(node[i], types2, options);
          if (toString$.call(cast).slice(8, -1) !== "Undefined") {
            result.push(cast);
          }
          i++;
        }
        if (node.length <= i) {
          return {
            type: "Just",
            value: result
          };
        } else {
          return {
            type: "Nothing"
          };
        }
      }
      function castFields(node, type, options) {
        var typeOf, key, value;
        if (toString$.call(node).slice(8, -1) !== "Object") {
          return {
            type: "Nothing"
          };
        }
        typeOf = type.of;
        return {
          type: "Just",
          value: (function() {
            var ref$, resultObj$ = {};
            for (key in ref$ = node) {
              value = ref$[key];
              resultObj$[typesCast(key, [{
                type: "String"
              }], options)] = typesCast(value, typeOf[key] || [{
                type: "*"
              }], options);
            }
            return resultObj$;
          })()
        };
      }
      function typeCast(node, typeObj, options) {
        var type, structure, castFunc, ref$;
        type = typeObj.type, structure = typeObj.structure;
        if (type) {
          castFunc = ((ref$ = options.customTypes[type]) != null ? ref$.cast : void 0) || types[type];
          if (!castFunc) {
            throw new Error("Type not defined: " + type + ".");
          }
          return castFunc(node, options, typesCast);
        } else {
          switch (structure) {
            case "array":
              return castArray(node, typeObj, options);
            case "tuple":
              return castTuple(node, typeObj, options);
            case "fields":
              return castFields(node, typeObj, options);
          }
        }
      }
      function typesCast(node, types2, options) {
        var i$, len$, type, ref$, valueType, value;
        for (i$ = 0, len$ = types2.length; i$ < len$; ++i$) {
          type = types2[i$];
          ref$ = typeCast(node, type, options), valueType = ref$.type, value = ref$.value;
          if (valueType === "Nothing") {
            continue;
          }
          if (parsedTypeCheck([type], value, {
            customTypes: options.customTypes
          })) {
            return value;
          }
        }
        throw new Error("Value " + JSON.stringify(node) + " does not type check against " + JSON.stringify(types2) + ".");
      }
      module.exports = function(node, types2, options) {
        if (!options.explicit && types2.length === 1 && types2[0].type === "String") {
          return node;
        }
        return typesCast(node, types2, options);
      };
    }).call(exports);
  }
});

// node_modules/levn/lib/index.js
var require_lib3 = __commonJS({
  "node_modules/levn/lib/index.js"(exports, module) {
    (function() {
      var parseString, cast, parseType, VERSION, parsedTypeParse, parse;
      parseString = require_parse_string();
      cast = require_cast();
      parseType = require_lib2().parseType;
      VERSION = "0.4.1";
      parsedTypeParse = function(parsedType, string, options) {
        options == null && (options = {});
        options.explicit == null && (options.explicit = false);
        options.customTypes == null && (options.customTypes = {});
        return cast(parseString(parsedType, string, options), parsedType, options);
      };
      parse = function(type, string, options) {
        return parsedTypeParse(parseType(type), string, options);
      };
      module.exports = {
        VERSION,
        parse,
        parsedTypeParse
      };
    }).call(exports);
  }
});

// node_modules/@typescript-eslint/utils/dist/eslint-utils/deepMerge.js
var require_deepMerge = __commonJS({
  "node_modules/@typescript-eslint/utils/dist/eslint-utils/deepMerge.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isObjectNotArray = isObjectNotArray;
    exports.deepMerge = deepMerge;
    function isObjectNotArray(obj) {
      return typeof obj === "object" && obj != null && !Array.isArray(obj);
    }
    function deepMerge(first = {}, second = {}) {
      const keys = /* @__PURE__ */ new Set([...Object.keys(first), ...Object.keys(second)]);
      return Object.fromEntries([...keys].map((key) => {
        const firstHasKey = key in first;
        const secondHasKey = key in second;
        const firstValue = first[key];
        const secondValue = second[key];
        let value;
        if (firstHasKey && secondHasKey) {
          if (isObjectNotArray(firstValue) && isObjectNotArray(secondValue)) {
            value = deepMerge(firstValue, secondValue);
          } else {
            value = secondValue;
          }
        } else if (firstHasKey) {
          value = firstValue;
        } else {
          value = secondValue;
        }
        return [key, value];
      }));
    }
  }
});

// node_modules/@typescript-eslint/utils/dist/eslint-utils/applyDefault.js
var require_applyDefault = __commonJS({
  "node_modules/@typescript-eslint/utils/dist/eslint-utils/applyDefault.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.applyDefault = applyDefault;
    var deepMerge_1 = require_deepMerge();
    function applyDefault(defaultOptions, userOptions) {
      const options = structuredClone(defaultOptions);
      if (userOptions == null) {
        return options;
      }
      options.forEach((opt, i) => {
        if (userOptions[i] !== void 0) {
          const userOpt = userOptions[i];
          if ((0, deepMerge_1.isObjectNotArray)(userOpt) && (0, deepMerge_1.isObjectNotArray)(opt)) {
            options[i] = (0, deepMerge_1.deepMerge)(opt, userOpt);
          } else {
            options[i] = userOpt;
          }
        }
      });
      return options;
    }
  }
});

// node_modules/@typescript-eslint/utils/dist/eslint-utils/parserSeemsToBeTSESLint.js
var require_parserSeemsToBeTSESLint = __commonJS({
  "node_modules/@typescript-eslint/utils/dist/eslint-utils/parserSeemsToBeTSESLint.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.parserSeemsToBeTSESLint = parserSeemsToBeTSESLint;
    function parserSeemsToBeTSESLint(parser2) {
      return !!parser2 && /(?:typescript-eslint|\.\.)[\w/\\]*parser/.test(parser2);
    }
  }
});

// node_modules/@typescript-eslint/utils/dist/eslint-utils/getParserServices.js
var require_getParserServices = __commonJS({
  "node_modules/@typescript-eslint/utils/dist/eslint-utils/getParserServices.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getParserServices = getParserServices;
    var parserSeemsToBeTSESLint_1 = require_parserSeemsToBeTSESLint();
    var ERROR_MESSAGE_REQUIRES_PARSER_SERVICES = "You have used a rule which requires type information, but don't have parserOptions set to generate type information for this file. See https://tseslint.com/typed-linting for enabling linting with type information.";
    var ERROR_MESSAGE_UNKNOWN_PARSER = 'Note: detected a parser other than @typescript-eslint/parser. Make sure the parser is configured to forward "parserOptions.project" to @typescript-eslint/parser.';
    function getParserServices(context, allowWithoutFullTypeInformation = false) {
      const parser2 = (
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- For compatibility with ESLint 8
        context.parserPath || context.languageOptions.parser?.meta?.name
      );
      if (context.sourceCode.parserServices?.esTreeNodeToTSNodeMap == null || context.sourceCode.parserServices.tsNodeToESTreeNodeMap == null) {
        throwError(parser2);
      }
      if (context.sourceCode.parserServices.program == null && !allowWithoutFullTypeInformation) {
        throwError(parser2);
      }
      return context.sourceCode.parserServices;
    }
    function throwError(parser2) {
      const messages = [
        ERROR_MESSAGE_REQUIRES_PARSER_SERVICES,
        `Parser: ${parser2 || "(unknown)"}`,
        !(0, parserSeemsToBeTSESLint_1.parserSeemsToBeTSESLint)(parser2) && ERROR_MESSAGE_UNKNOWN_PARSER
      ].filter(Boolean);
      throw new Error(messages.join("\n"));
    }
  }
});

// node_modules/@typescript-eslint/utils/dist/eslint-utils/InferTypesFromRule.js
var require_InferTypesFromRule = __commonJS({
  "node_modules/@typescript-eslint/utils/dist/eslint-utils/InferTypesFromRule.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/@typescript-eslint/utils/dist/eslint-utils/nullThrows.js
var require_nullThrows = __commonJS({
  "node_modules/@typescript-eslint/utils/dist/eslint-utils/nullThrows.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.NullThrowsReasons = void 0;
    exports.nullThrows = nullThrows;
    exports.NullThrowsReasons = {
      MissingParent: "Expected node to have a parent.",
      MissingToken: (token, thing) => `Expected to find a ${token} for the ${thing}.`
    };
    function nullThrows(value, message) {
      if (value == null) {
        throw new Error(`Non-null Assertion Failed: ${message}`);
      }
      return value;
    }
  }
});

// node_modules/@typescript-eslint/utils/dist/eslint-utils/RuleCreator.js
var require_RuleCreator = __commonJS({
  "node_modules/@typescript-eslint/utils/dist/eslint-utils/RuleCreator.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.RuleCreator = RuleCreator2;
    var applyDefault_1 = require_applyDefault();
    function RuleCreator2(urlCreator) {
      return function createNamedRule({ meta, name, ...rule }) {
        const ruleWithDocs = createRule2({
          meta: {
            ...meta,
            docs: {
              ...meta.docs,
              url: urlCreator(name)
            }
          },
          name,
          ...rule
        });
        return ruleWithDocs;
      };
    }
    function createRule2({
      create,
      // Keep accepting deprecated defaultOptions for backward compatibility.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      defaultOptions,
      meta,
      name
    }) {
      const resolvedDefaultOptions = meta.defaultOptions ?? defaultOptions ?? [];
      return {
        create(context) {
          const optionsWithDefault = (0, applyDefault_1.applyDefault)(resolvedDefaultOptions, context.options);
          return create(context, optionsWithDefault);
        },
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- For compatibility with ESLint 8, see #12842
        defaultOptions,
        meta,
        name
      };
    }
    RuleCreator2.withoutDocs = function withoutDocs(args) {
      return createRule2(args);
    };
  }
});

// node_modules/@typescript-eslint/utils/dist/eslint-utils/index.js
var require_eslint_utils = __commonJS({
  "node_modules/@typescript-eslint/utils/dist/eslint-utils/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    __exportStar(require_applyDefault(), exports);
    __exportStar(require_deepMerge(), exports);
    __exportStar(require_getParserServices(), exports);
    __exportStar(require_InferTypesFromRule(), exports);
    __exportStar(require_nullThrows(), exports);
    __exportStar(require_RuleCreator(), exports);
  }
});

// eslint-plugin/src/meta.ts
var PLUGIN_NAME = "eslint-plugin-index-builder";
var PLUGIN_VERSION = "0.1.0";
var NAMESPACE = "index-builder";
var DOCS_BASE = "https://github.com/index-builder/index-builder/blob/main/eslint-plugin/docs/rules";
function ruleDocsUrl(name) {
  return `${DOCS_BASE}/${name}.md`;
}

// eslint-plugin/src/configs/typescript-parser.ts
import { createRequire } from "node:module";
var load = createRequire(import.meta.url);
var parser;
var typescriptParser = {
  meta: { name: `${PLUGIN_NAME}/typescript-parser`, version: PLUGIN_VERSION },
  parseForESLint(code, options) {
    parser ??= load("@typescript-eslint/parser");
    return parser.parseForESLint(code, options);
  }
};

// eslint-plugin/src/configs/recommended.ts
var MIGRATION_FOLDERS = [
  "**/migrations",
  "**/migrate",
  "**/db/migrate",
  "**/prisma/migrations",
  "**/drizzle",
  "**/supabase/migrations"
];
var SCRIPT_EXTENSIONS = "{js,cjs,mjs,ts,cts,mts}";
var TYPESCRIPT_EXTENSIONS = "{ts,cts,mts}";
var REGISTRY_FILES = ["**/db/indexes.{ts,js,mjs}"];
var inFolders = (pattern) => MIGRATION_FOLDERS.map((folder) => `${folder}/**/${pattern}`);
function recommendedConfig(plugin2) {
  const plugins = { [NAMESPACE]: plugin2 };
  return [
    {
      name: `${NAMESPACE}/migrations`,
      files: inFolders(`*.${SCRIPT_EXTENSIONS}`),
      plugins,
      rules: { [`${NAMESPACE}/no-index-in-migration`]: "error" }
    },
    {
      name: `${NAMESPACE}/typescript`,
      files: [...inFolders(`*.${TYPESCRIPT_EXTENSIONS}`), "**/db/indexes.ts"],
      languageOptions: { parser: typescriptParser }
    },
    {
      name: `${NAMESPACE}/sql-migrations`,
      files: inFolders("*.sql"),
      plugins,
      language: `${NAMESPACE}/sql`,
      rules: { [`${NAMESPACE}/no-index-in-migration`]: "error" }
    },
    {
      name: `${NAMESPACE}/registry`,
      files: REGISTRY_FILES,
      plugins,
      rules: { [`${NAMESPACE}/valid-registry`]: "error" }
    }
  ];
}

// src/sql/parser.ts
var import_libpg_query = __toESM(require_wasm(), 1);
await (0, import_libpg_query.loadModule)();
var SqlSyntaxError = class extends Error {
  constructor(message, offset) {
    super(message);
    this.offset = offset;
    this.name = "SqlSyntaxError";
  }
  offset;
};
function parseSql(sql) {
  try {
    return (0, import_libpg_query.parseSync)(sql).stmts ?? [];
  } catch (error) {
    const details = error.sqlDetails;
    const message = details?.message ?? error.message ?? String(error);
    const cursor = details?.cursorPosition;
    throw new SqlSyntaxError(message, typeof cursor === "number" && cursor >= 0 ? cursor : void 0);
  }
}
function nodeType(node) {
  return node ? Object.keys(node)[0] : void 0;
}

// src/sql/utf8-offsets.ts
function byteToCharOffsets(text) {
  if (/^[\x00-\x7f]*$/.test(text)) return (byteOffset) => byteOffset;
  const byteLength = Buffer.byteLength(text, "utf8");
  const charAt = new Uint32Array(byteLength + 1);
  let byte = 0;
  for (let char = 0; char < text.length; char++) {
    const code = text.charCodeAt(char);
    let width;
    if (code < 128) width = 1;
    else if (code < 2048) width = 2;
    else if (code >= 55296 && code <= 56319 && isLowSurrogate(text.charCodeAt(char + 1))) {
      charAt.fill(char, byte, byte + 4);
      byte += 4;
      char++;
      continue;
    } else width = 3;
    charAt.fill(char, byte, byte + width);
    byte += width;
  }
  charAt[byteLength] = text.length;
  return (byteOffset) => charAt[Math.max(0, Math.min(byteOffset, byteLength))];
}
function isLowSurrogate(code) {
  return code >= 56320 && code <= 57343;
}

// src/sql/sql-tokens.ts
var KINDS = {
  IDENT: "identifier",
  UIDENT: "identifier",
  SCONST: "string",
  USCONST: "string",
  BCONST: "string",
  XCONST: "string",
  ICONST: "number",
  FCONST: "number",
  PARAM: "parameter",
  SQL_COMMENT: "comment",
  C_COMMENT: "comment"
};
function scanTokens(text) {
  if (text.trim() === "") return [];
  let scanned;
  try {
    scanned = (0, import_libpg_query.scanSync)(text).tokens;
  } catch {
    return void 0;
  }
  const toChar = byteToCharOffsets(text);
  return scanned.map((token) => {
    const keyword = token.keywordKind > 0 ? token.text.toUpperCase() : void 0;
    return {
      kind: keyword ? "keyword" : kindOf(token.tokenName, token.text),
      start: toChar(token.start),
      end: toChar(token.end),
      text: token.text,
      keyword,
      keywordKind: token.keywordKind
    };
  });
}
function kindOf(tokenName, text) {
  const known = KINDS[tokenName];
  if (known) return known;
  if (tokenName.startsWith("ASCII_") || text === ".") return "punctuation";
  if (text.startsWith('U&"')) return "identifier";
  if (text.startsWith("U&'")) return "string";
  return "operator";
}
function codeTokens(tokens) {
  return tokens.filter((token) => token.kind !== "comment");
}
function isKeyword(token, ...keywords) {
  return token?.keyword !== void 0 && keywords.includes(token.keyword);
}
function isPunctuation(token, text) {
  return token?.kind === "punctuation" && token.text === text;
}
function splitStatements(tokens) {
  const statements = [];
  let current = [];
  for (const token of tokens) {
    if (token.kind === "comment") continue;
    if (isPunctuation(token, ";")) {
      if (current.length) statements.push(current);
      current = [];
    } else current.push(token);
  }
  if (current.length) statements.push(current);
  return statements;
}

// src/sql/statements.ts
var import_libpg_query2 = __toESM(require_wasm(), 1);
function parseStatements(text) {
  if (text.trim() === "") return { ok: true, statements: [] };
  let raw;
  try {
    raw = parseSql(text);
  } catch (error) {
    if (!(error instanceof SqlSyntaxError)) throw error;
    return { ok: false, message: error.message, offset: errorOffset(text) };
  }
  const toChar = byteToCharOffsets(text);
  const statements = raw.flatMap((stmt) => {
    if (!stmt.stmt) return [];
    const startByte = stmt.stmt_location ?? 0;
    const start = toChar(startByte);
    const end = stmt.stmt_len ? toChar(startByte + stmt.stmt_len) : trimmedEnd(text);
    return [{ node: stmt.stmt, start: skipSpace(text, start), end: trimSpaceBefore(text, end) }];
  });
  return { ok: true, statements };
}
function skipSpace(text, offset) {
  let at = offset;
  while (at < text.length && /\s/.test(text[at])) at++;
  return at;
}
function trimSpaceBefore(text, offset) {
  let at = offset;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return at;
}
function trimmedEnd(text) {
  let end = text.length;
  while (end > 0 && /[\s;]/.test(text[end - 1])) end--;
  return end;
}
function errorOffset(text) {
  try {
    (0, import_libpg_query2.parseSync)(text);
  } catch (error) {
    const position = error.sqlDetails?.cursorPosition;
    return position === void 0 ? void 0 : codePointsToOffset(text, position);
  }
  return void 0;
}
function codePointsToOffset(text, codePoints) {
  let offset = 0;
  for (let n = 0; n < codePoints && offset < text.length; n++) offset += text.codePointAt(offset) > 65535 ? 2 : 1;
  return offset;
}

// eslint-plugin/src/language/sql-ast.ts
var visitorKeys = {
  SqlScript: ["statements"],
  SqlStatement: []
};
function locator(text) {
  const lineStarts = [0];
  for (const match of text.matchAll(/\r\n|[\r\n\u2028\u2029]/g)) lineStarts.push(match.index + match[0].length);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
}
function commentNode(token, at) {
  const block = token.text.startsWith("/*");
  return {
    type: "SqlComment",
    block,
    value: block ? token.text.slice(2, -2) : token.text.slice(2),
    range: [token.start, token.end],
    loc: { start: at(token.start), end: at(token.end) }
  };
}

// node_modules/@eslint/plugin-kit/dist/esm/index.js
var import_levn = __toESM(require_lib3(), 1);
var directivesPattern = /^([a-z]+(?:-[a-z]+)*)(?:\s|$)/u;
var validSeverities = /* @__PURE__ */ new Set([0, 1, 2, "off", "warn", "error"]);
function isSeverityValid(ruleConfig) {
  const severity = Array.isArray(ruleConfig) ? ruleConfig[0] : ruleConfig;
  return validSeverities.has(severity);
}
function isEverySeverityValid(rulesConfig) {
  return Object.values(rulesConfig).every(isSeverityValid);
}
var DirectiveComment = class {
  /**
   * The label of the directive, such as "eslint", "eslint-disable", etc.
   * @type {string}
   */
  label = "";
  /**
   * The value of the directive (the string after the label).
   * @type {string}
   */
  value = "";
  /**
   * The justification of the directive (the string after the --).
   * @type {string}
   */
  justification = "";
  /**
   * Creates a new directive comment.
   * @param {string} label The label of the directive.
   * @param {string} value The value of the directive.
   * @param {string} justification The justification of the directive.
   */
  constructor(label, value, justification) {
    this.label = label;
    this.value = value;
    this.justification = justification;
  }
};
var ConfigCommentParser = class {
  /**
   * Parses a list of "name:string_value" or/and "name" options divided by comma or
   * whitespace. Used for "global" comments.
   * @param {string} string The string to parse.
   * @returns {StringConfig} Result map object of names and string values, or null values if no value was provided.
   */
  parseStringConfig(string) {
    const items = (
      /** @type {StringConfig} */
      /* @__PURE__ */ Object.create(null)
    );
    const trimmedString = string.trim().replace(/(?<!\s)\s*([:,])\s*/gu, "$1");
    trimmedString.split(/\s|,+/u).forEach((name) => {
      if (!name) {
        return;
      }
      const [key, value = null] = name.split(":");
      items[key] = value;
    });
    return items;
  }
  /**
   * Parses a JSON-like config.
   * @param {string} string The string to parse.
   * @returns {({ok: true, config: RulesConfig}|{ok: false, error: {message: string}})} Result map object
   */
  parseJSONLikeConfig(string) {
    try {
      const items = (
        /** @type {RulesConfig} */
        import_levn.default.parse("Object", string) || {}
      );
      if (isEverySeverityValid(items)) {
        return {
          ok: true,
          config: items
        };
      }
    } catch {
    }
    const normalizedString = string.replace(/(?<![-a-zA-Z0-9/])([-a-zA-Z0-9/]+):/gu, '"$1":').replace(/([\]0-9])\s+(?=")/u, "$1,");
    try {
      const items = JSON.parse(`{${normalizedString}}`);
      return {
        ok: true,
        config: items
      };
    } catch (ex) {
      const errorMessage = ex instanceof Error ? ex.message : String(ex);
      return {
        ok: false,
        error: {
          message: `Failed to parse JSON from '${normalizedString}': ${errorMessage}`
        }
      };
    }
  }
  /**
   * Parses a config of values separated by comma.
   * @param {string} string The string to parse.
   * @returns {BooleanConfig} Result map of values and true values
   */
  parseListConfig(string) {
    const items = (
      /** @type {BooleanConfig} */
      /* @__PURE__ */ Object.create(null)
    );
    string.split(",").forEach((name) => {
      const trimmedName = name.trim().replace(
        /^(?<quote>['"]?)(?<ruleId>.*)\k<quote>$/su,
        "$<ruleId>"
      );
      if (trimmedName) {
        items[trimmedName] = true;
      }
    });
    return items;
  }
  /**
   * Extract the directive and the justification from a given directive comment and trim them.
   * @param {string} value The comment text to extract.
   * @returns {{directivePart: string, justificationPart: string}} The extracted directive and justification.
   */
  #extractDirectiveComment(value) {
    const match = /\s-{2,}\s/u.exec(value);
    if (!match) {
      return { directivePart: value.trim(), justificationPart: "" };
    }
    const directive = value.slice(0, match.index).trim();
    const justification = value.slice(match.index + match[0].length).trim();
    return { directivePart: directive, justificationPart: justification };
  }
  /**
   * Parses a directive comment into directive text and value.
   * @param {string} string The string with the directive to be parsed.
   * @returns {DirectiveComment|undefined} The parsed directive or `undefined` if the directive is invalid.
   */
  parseDirective(string) {
    const { directivePart, justificationPart } = this.#extractDirectiveComment(string);
    const match = directivesPattern.exec(directivePart);
    if (!match) {
      return void 0;
    }
    const directiveText = match[1];
    const directiveValue = directivePart.slice(
      match.index + directiveText.length
    );
    return new DirectiveComment(
      directiveText,
      directiveValue.trim(),
      justificationPart
    );
  }
};
function hasESTreeStyleLoc(node) {
  return "loc" in node;
}
function hasPosStyleLoc(node) {
  return "position" in node;
}
function hasESTreeStyleRange(node) {
  return "range" in node;
}
function hasPosStyleRange(node) {
  return "position" in node;
}
function findLineNumberBinarySearch(lineStartIndices, targetIndex) {
  let low = 0;
  let high = lineStartIndices.length - 1;
  while (low < high) {
    const mid = (low + high) / 2 | 0;
    if (targetIndex < lineStartIndices[mid]) {
      high = mid;
    } else {
      low = mid + 1;
    }
  }
  return low;
}
var VisitNodeStep = class {
  /**
   * The type of the step.
   * @type {"visit"}
   * @readonly
   */
  type = "visit";
  /**
   * The kind of the step. Represents the same data as the `type` property
   * but it's a number for performance.
   * @type {1}
   * @readonly
   */
  kind = 1;
  /**
   * The target of the step.
   * @type {object}
   */
  target;
  /**
   * The phase of the step.
   * @type {1|2}
   */
  phase;
  /**
   * The arguments of the step.
   * @type {Array<any>}
   */
  args;
  /**
   * Creates a new instance.
   * @param {Object} options The options for the step.
   * @param {object} options.target The target of the step.
   * @param {1|2} options.phase The phase of the step.
   * @param {Array<any>} options.args The arguments of the step.
   */
  constructor({ target, phase, args }) {
    this.target = target;
    this.phase = phase;
    this.args = args;
  }
};
var Directive = class {
  /**
   * The type of directive.
   * @type {DirectiveType}
   * @readonly
   */
  type;
  /**
   * The node representing the directive.
   * @type {unknown}
   * @readonly
   */
  node;
  /**
   * Everything after the "eslint-disable" portion of the directive,
   * but before the "--" that indicates the justification.
   * @type {string}
   * @readonly
   */
  value;
  /**
   * The justification for the directive.
   * @type {string}
   * @readonly
   */
  justification;
  /**
   * Creates a new instance.
   * @param {Object} options The options for the directive.
   * @param {"disable"|"enable"|"disable-next-line"|"disable-line"} options.type The type of directive.
   * @param {unknown} options.node The node representing the directive.
   * @param {string} options.value The value of the directive.
   * @param {string} options.justification The justification for the directive.
   */
  constructor({ type, node, value, justification }) {
    this.type = type;
    this.node = node;
    this.value = value;
    this.justification = justification;
  }
};
var TextSourceCodeBase = class {
  /**
   * The lines of text in the source code.
   * @type {Array<string>}
   */
  #lines = [];
  /**
   * The indices of the start of each line in the source code.
   * @type {Array<number>}
   */
  #lineStartIndices = [0];
  /**
   * The pattern to match lineEndings in the source code.
   * @type {RegExp}
   */
  #lineEndingPattern;
  /**
   * The AST of the source code.
   * @type {Options['RootNode']}
   */
  ast;
  /**
   * The text of the source code.
   * @type {string}
   */
  text;
  /**
   * Creates a new instance.
   * @param {Object} options The options for the instance.
   * @param {string} options.text The source code text.
   * @param {Options['RootNode']} options.ast The root AST node.
   * @param {RegExp} [options.lineEndingPattern] The pattern to match lineEndings in the source code. Defaults to `/\r?\n/u`.
   */
  constructor({ text, ast, lineEndingPattern = /\r?\n/u }) {
    this.ast = ast;
    this.text = text;
    this.#lineEndingPattern = new RegExp(
      lineEndingPattern.source,
      lineEndingPattern.flags.replace(/[gy]/gu, "")
    );
  }
  /**
   * Finds the next line in the source text and updates `#lines` and `#lineStartIndices`.
   * @param {string} text The text to search for the next line.
   * @returns {boolean} `true` if a next line was found, `false` otherwise.
   */
  #findNextLine(text) {
    const match = this.#lineEndingPattern.exec(text);
    if (!match) {
      return false;
    }
    this.#lines.push(text.slice(0, match.index));
    this.#lineStartIndices.push(
      (this.#lineStartIndices.at(-1) ?? 0) + match.index + match[0].length
    );
    return true;
  }
  /**
   * Ensures `#lines` is lazily calculated from the source text.
   * @returns {void}
   */
  #ensureLines() {
    if (this.#lines.length === this.#lineStartIndices.length) {
      return;
    }
    while (this.#findNextLine(this.text.slice(this.#lineStartIndices.at(-1)))) {
    }
    this.#lines.push(this.text.slice(this.#lineStartIndices.at(-1)));
    Object.freeze(this.#lines);
  }
  /**
   * Ensures `#lineStartIndices` is lazily calculated up to the specified index.
   * @param {number} index The index of a character in a file.
   * @returns {void}
   */
  #ensureLineStartIndicesFromIndex(index) {
    if (index <= (this.#lineStartIndices.at(-1) ?? 0)) {
      return;
    }
    while (index > (this.#lineStartIndices.at(-1) ?? 0) && this.#findNextLine(this.text.slice(this.#lineStartIndices.at(-1)))) {
    }
  }
  /**
   * Ensures `#lineStartIndices` is lazily calculated up to the specified loc.
   * @param {Object} loc A line/column location.
   * @param {number} loc.line The line number of the location. (0 or 1-indexed based on language.)
   * @param {number} lineStart The line number at which the parser starts counting.
   * @returns {void}
   */
  #ensureLineStartIndicesFromLoc(loc, lineStart) {
    const nextLocLineIndex = loc.line - lineStart + 1;
    const lastCalculatedLineIndex = this.#lineStartIndices.length - 1;
    let additionalLinesNeeded = nextLocLineIndex - lastCalculatedLineIndex;
    if (additionalLinesNeeded <= 0) {
      return;
    }
    while (additionalLinesNeeded > 0 && this.#findNextLine(this.text.slice(this.#lineStartIndices.at(-1)))) {
      additionalLinesNeeded -= 1;
    }
  }
  /**
   * Returns the loc information for the given node or token.
   * @param {Options['SyntaxElementWithLoc']} nodeOrToken The node or token to get the loc information for.
   * @returns {SourceLocation} The loc information for the node or token.
   * @throws {Error} If the node or token does not have loc information.
   */
  getLoc(nodeOrToken) {
    if (hasESTreeStyleLoc(nodeOrToken)) {
      return nodeOrToken.loc;
    }
    if (hasPosStyleLoc(nodeOrToken)) {
      return nodeOrToken.position;
    }
    throw new Error(
      "Custom getLoc() method must be implemented in the subclass."
    );
  }
  /**
   * Converts a source text index into a `{ line: number, column: number }` pair.
   * @param {number} index The index of a character in a file.
   * @throws {TypeError|RangeError} If non-numeric index or index out of range.
   * @returns {{line: number, column: number}} A `{ line: number, column: number }` location object with 0 or 1-indexed line and 0 or 1-indexed column based on language.
   * @public
   */
  getLocFromIndex(index) {
    if (typeof index !== "number") {
      throw new TypeError("Expected `index` to be a number.");
    }
    if (index < 0 || index > this.text.length) {
      throw new RangeError(
        `Index out of range (requested index ${index}, but source text has length ${this.text.length}).`
      );
    }
    const {
      start: { line: lineStart, column: columnStart },
      end: { line: lineEnd, column: columnEnd }
    } = this.getLoc(this.ast);
    if (index === 0) {
      return {
        line: lineStart,
        column: columnStart
      };
    }
    if (index === this.text.length) {
      return {
        line: lineEnd,
        column: columnEnd
      };
    }
    this.#ensureLineStartIndicesFromIndex(index);
    const lineNumber = (index >= (this.#lineStartIndices.at(-1) ?? 0) ? this.#lineStartIndices.length : findLineNumberBinarySearch(this.#lineStartIndices, index)) - 1 + lineStart;
    return {
      line: lineNumber,
      column: index - this.#lineStartIndices[lineNumber - lineStart] + columnStart
    };
  }
  /**
   * Converts a `{ line: number, column: number }` pair into a source text index.
   * @param {Object} loc A line/column location.
   * @param {number} loc.line The line number of the location. (0 or 1-indexed based on language.)
   * @param {number} loc.column The column number of the location. (0 or 1-indexed based on language.)
   * @throws {TypeError|RangeError} If `loc` is not an object with a numeric
   * `line` and `column`, if the `line` is less than or equal to zero or
   * the `line` or `column` is out of the expected range.
   * @returns {number} The index of the line/column location in a file.
   * @public
   */
  getIndexFromLoc(loc) {
    if (loc === null || typeof loc !== "object" || typeof loc.line !== "number" || typeof loc.column !== "number") {
      throw new TypeError(
        "Expected `loc` to be an object with numeric `line` and `column` properties."
      );
    }
    const {
      start: { line: lineStart, column: columnStart },
      end: { line: lineEnd, column: columnEnd }
    } = this.getLoc(this.ast);
    if (loc.line < lineStart || lineEnd < loc.line) {
      throw new RangeError(
        `Line number out of range (line ${loc.line} requested). Valid range: ${lineStart}-${lineEnd}`
      );
    }
    if (loc.line === lineStart && loc.column === columnStart) {
      return 0;
    }
    if (loc.line === lineEnd && loc.column === columnEnd) {
      return this.text.length;
    }
    this.#ensureLineStartIndicesFromLoc(loc, lineStart);
    const isLastLine = loc.line === lineEnd;
    const lineStartIndex = this.#lineStartIndices[loc.line - lineStart];
    const lineEndIndex = isLastLine ? this.text.length : this.#lineStartIndices[loc.line - lineStart + 1];
    const positionIndex = lineStartIndex + loc.column - columnStart;
    if (loc.column < columnStart || isLastLine && positionIndex > lineEndIndex || !isLastLine && positionIndex >= lineEndIndex) {
      throw new RangeError(
        `Column number out of range (column ${loc.column} requested). Valid range for line ${loc.line}: ${columnStart}-${lineEndIndex - lineStartIndex + columnStart + (isLastLine ? 0 : -1)}`
      );
    }
    return positionIndex;
  }
  /**
   * Returns the range information for the given node or token.
   * @param {Options['SyntaxElementWithLoc']} nodeOrToken The node or token to get the range information for.
   * @returns {SourceRange} The range information for the node or token.
   * @throws {Error} If the node or token does not have range information.
   */
  getRange(nodeOrToken) {
    if (hasESTreeStyleRange(nodeOrToken)) {
      return nodeOrToken.range;
    }
    if (hasPosStyleRange(nodeOrToken)) {
      return [
        nodeOrToken.position.start.offset,
        nodeOrToken.position.end.offset
      ];
    }
    throw new Error(
      "Custom getRange() method must be implemented in the subclass."
    );
  }
  /* eslint-disable no-unused-vars -- Required to complete interface. */
  /**
   * Returns the parent of the given node.
   * @abstract
   * @param {Options['SyntaxElementWithLoc']} node The node to get the parent of.
   * @returns {Options['SyntaxElementWithLoc']|undefined} The parent of the node.
   * @throws {Error} If the method is not implemented in the subclass.
   */
  getParent(node) {
    throw new Error("Not implemented.");
  }
  /* eslint-enable no-unused-vars -- Required to complete interface. */
  /**
   * Gets all the ancestors of a given node
   * @param {Options['SyntaxElementWithLoc']} node The node
   * @returns {Array<Options['SyntaxElementWithLoc']>} All the ancestor nodes in the AST, not including the provided node, starting
   * from the root node at index 0 and going inwards to the parent node.
   * @throws {TypeError} When `node` is missing.
   */
  getAncestors(node) {
    if (!node) {
      throw new TypeError("Missing required argument: node.");
    }
    const ancestorsStartingAtParent = [];
    for (let ancestor = this.getParent(node); ancestor; ancestor = this.getParent(ancestor)) {
      ancestorsStartingAtParent.push(ancestor);
    }
    return ancestorsStartingAtParent.reverse();
  }
  /**
   * Gets the source code for the given node.
   * @param {Options['SyntaxElementWithLoc']} [node] The AST node to get the text for.
   * If `node` is omitted or falsy (such as `undefined`, `null`, or an empty string),
   * the entire source text is returned.
   * @param {number} [beforeCount] The number of characters before the node to retrieve.
   * @param {number} [afterCount] The number of characters after the node to retrieve.
   * @returns {string} The text representing the AST node.
   * @public
   */
  getText(node, beforeCount, afterCount) {
    if (node) {
      const range = this.getRange(node);
      return this.text.slice(
        Math.max(range[0] - (beforeCount || 0), 0),
        range[1] + (afterCount || 0)
      );
    }
    return this.text;
  }
  /**
   * Gets the entire source text split into an array of lines.
   * @returns {Array<string>} The source text as an array of lines.
   * @public
   */
  get lines() {
    this.#ensureLines();
    return this.#lines;
  }
  /**
   * Traverse the source code and return the steps that were taken.
   * @abstract
   * @returns {Iterable<TraversalStep>} The steps that were taken while traversing the source code.
   */
  traverse() {
    throw new Error("Not implemented.");
  }
};

// eslint-plugin/src/language/sql-source-code.ts
var commentParser = new ConfigCommentParser();
var LINE_ENDING = /\r\n|[\r\n\u2028\u2029]/u;
var INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;
var DIRECTIVES = /* @__PURE__ */ new Set(["eslint-disable", "eslint-enable", "eslint-disable-next-line", "eslint-disable-line"]);
var SqlSourceCode = class extends TextSourceCodeBase {
  comments;
  #steps;
  #inlineConfigComments;
  constructor({ text, ast }) {
    super({ text, ast, lineEndingPattern: LINE_ENDING });
    this.comments = ast.comments;
  }
  getParent(node) {
    return node.type === "SqlStatement" ? this.ast : void 0;
  }
  getInlineConfigNodes() {
    this.#inlineConfigComments ??= this.comments.filter((comment) => INLINE_CONFIG.test(comment.value));
    return this.#inlineConfigComments;
  }
  getDisableDirectives() {
    const problems = [];
    const directives = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (!parsed || !DIRECTIVES.has(parsed.label)) continue;
      if (parsed.label === "eslint-disable-line" && comment.loc.start.line !== comment.loc.end.line) {
        problems.push({ ruleId: null, message: `${parsed.label} comment should not span multiple lines.`, loc: comment.loc });
        continue;
      }
      directives.push(
        new Directive({
          type: parsed.label.slice("eslint-".length),
          node: comment,
          value: parsed.value,
          justification: parsed.justification
        })
      );
    }
    return { problems, directives };
  }
  applyInlineConfig() {
    const configs = [];
    const problems = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (parsed?.label !== "eslint") continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ config: { rules: result.config }, loc: comment.loc });
      else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
    }
    return { configs, problems };
  }
  traverse() {
    if (!this.#steps) {
      const steps = [];
      const root = this.ast;
      steps.push(new VisitNodeStep({ target: root, phase: 1, args: [root, void 0] }));
      for (const statement of root.statements) {
        steps.push(new VisitNodeStep({ target: statement, phase: 1, args: [statement, root] }));
        steps.push(new VisitNodeStep({ target: statement, phase: 2, args: [statement, root] }));
      }
      steps.push(new VisitNodeStep({ target: root, phase: 2, args: [root, void 0] }));
      this.#steps = steps;
    }
    return this.#steps.values();
  }
};

// eslint-plugin/src/language/sql-language.ts
var SqlLanguage = class {
  fileType = "text";
  lineStart = 1;
  columnStart = 1;
  nodeTypeKey = "type";
  visitorKeys = visitorKeys;
  defaultLanguageOptions = {};
  /**
   * The SQL language has no options. Others are accepted and ignored: ESLint 9 before 9.x gave every language the
   * JavaScript defaults (`sourceType`, `ecmaVersion`), and shared configs often set them for all files.
   */
  validateLanguageOptions() {
  }
  parse(file) {
    const text = typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
    const at = locator(text);
    const parsed = parseStatements(text);
    if (!parsed.ok) {
      const position = at(parsed.offset ?? 0);
      const error = { message: parsed.message, line: position.line, column: position.column };
      return { ok: false, errors: [error] };
    }
    const comments = (scanTokens(text) ?? []).filter((token) => token.kind === "comment").map((token) => commentNode(token, at));
    const statements = parsed.statements.map((statement) => ({
      type: "SqlStatement",
      kind: nodeType(statement.node) ?? "unknown",
      node: statement.node,
      range: [statement.start, statement.end],
      loc: { start: at(statement.start), end: at(statement.end) }
    }));
    const ast = {
      type: "SqlScript",
      statements,
      comments,
      range: [0, text.length],
      loc: { start: at(0), end: at(text.length) }
    };
    return { ok: true, ast };
  }
  createSourceCode(file, input, _context) {
    const text = typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
    return new SqlSourceCode({ text, ast: input.ast });
  }
};

// eslint-plugin/src/analysis/registry-entry.ts
import { basename } from "node:path";

// src/sql/safe-index-sql.ts
var MAX_IDENTIFIER_BYTES = 63;
function missingKeywordsInsertion(sql) {
  const tokens = codeTokens(scanTokens(sql) ?? []);
  const index = indexKeyword(tokens);
  if (index === -1) return void 0;
  const concurrently = isKeyword(tokens[index + 1], "CONCURRENTLY");
  const after = concurrently ? index + 2 : index + 1;
  const ifNotExists = isKeyword(tokens[after], "IF") && isKeyword(tokens[after + 1], "NOT") && isKeyword(tokens[after + 2], "EXISTS");
  if (concurrently && ifNotExists) return void 0;
  const anchor = tokens[concurrently ? index + 1 : index];
  const text = `${concurrently ? "" : " CONCURRENTLY"}${ifNotExists ? "" : " IF NOT EXISTS"}`;
  return { offset: anchor.end, text };
}
function safeIndexSql(statement, name) {
  let sql = statement;
  const insertion = missingKeywordsInsertion(sql);
  if (insertion) sql = sql.slice(0, insertion.offset) + insertion.text + sql.slice(insertion.offset);
  const tokens = codeTokens(scanTokens(sql) ?? []);
  const on = tokens.findIndex((token) => isKeyword(token, "ON"));
  const before = tokens[on - 1];
  if (on > 0 && before && isKeyword(before, "EXISTS")) {
    sql = `${sql.slice(0, before.end)} ${quoteIdentifier(name)}${sql.slice(before.end)}`;
  }
  return oneLine(sql);
}
function indexKeyword(tokens) {
  if (!isKeyword(tokens[0], "CREATE")) return -1;
  const at = isKeyword(tokens[1], "UNIQUE") ? 2 : 1;
  return isKeyword(tokens[at], "INDEX") ? at : -1;
}
function oneLine(sql) {
  const tokens = codeTokens(scanTokens(sql) ?? []);
  if (tokens.length === 0) return sql.trim();
  let out = "";
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (previous && token.start > previous.end) out += " ";
    out += sql.slice(token.start, token.end);
  });
  return out;
}
function renderIndexSql(index) {
  const table = index.tableSchema ? `${quoteIdentifier(index.tableSchema)}.${quoteIdentifier(index.tableName)}` : quoteIdentifier(index.tableName);
  const using = index.method && index.method.toLowerCase() !== "btree" ? ` USING ${index.method.toLowerCase()}` : "";
  const include = index.include?.length ? ` INCLUDE (${index.include.map(quoteIdentifier).join(", ")})` : "";
  const where = index.where ? ` WHERE ${index.where}` : "";
  return `CREATE ${index.unique ? "UNIQUE " : ""}INDEX CONCURRENTLY IF NOT EXISTS ${quoteIdentifier(index.name)} ON ${table}${using} (${index.columns.map(quoteColumn).join(", ")})${include}${where}`;
}
function quoteColumn(column) {
  const match = /^([A-Za-z_][\w$]*)((?:\s+(?:ASC|DESC|NULLS\s+FIRST|NULLS\s+LAST))*)$/i.exec(column.trim());
  if (!match) return column;
  return `${quoteIdentifier(match[1])}${match[2].toUpperCase()}`;
}
function quoteIdentifier(name) {
  if (/^[a-z_][a-z0-9_$]*$/.test(name)) {
    const tokens = scanTokens(name);
    const only = tokens?.length === 1 ? tokens[0] : void 0;
    if (only && (only.keywordKind === 0 || only.keywordKind === 1)) return name;
  }
  return `"${name.replace(/"/g, '""')}"`;
}
function indexColumnNames(node) {
  const params = node.IndexStmt?.indexParams ?? [];
  return params.map((param) => {
    const elem = param.IndexElem;
    if (elem?.name) return elem.name;
    const funcname = elem?.expr?.FuncCall?.funcname;
    return funcname?.[funcname.length - 1]?.String?.sval ?? "expr";
  });
}
function defaultIndexName(tableName, columns) {
  return truncateIdentifier(`${tableName}_${columns.length ? columns.join("_") : "expr"}_idx`);
}
function truncateIdentifier(name, maxBytes = MAX_IDENTIFIER_BYTES) {
  let out = name;
  while (Buffer.byteLength(out, "utf8") > maxBytes) out = out.slice(0, -1);
  return out;
}

// eslint-plugin/src/analysis/registry-entry.ts
function entryFromStatement(statement, name, table, columns, file) {
  return { name, sql: safeIndexSql(statement, name), description: describe(table, columns, file) };
}
function entryFromSql(sql, name, table, columns, file) {
  return { name, sql, description: describe(table, columns, file) };
}
function describe(table, columns, file) {
  const on = columns.length ? `${table} (${columns.join(", ")})` : table;
  return `Index on ${on}, moved from migration ${basename(file)}`;
}
function entryText(entry) {
  return `{ name: ${jsString(entry.name)}, sql: ${jsString(entry.sql)}, critical: false, description: ${jsString(entry.description)} }`;
}
function entryComment(entry, registryPath, marker) {
  return [
    `${marker} index-builder: move this index to ${registryPath}:`,
    `${marker} {`,
    `${marker}   name: ${jsString(entry.name)},`,
    `${marker}   sql: ${jsString(entry.sql)},`,
    `${marker}   critical: false,`,
    `${marker}   description: ${jsString(entry.description)},`,
    `${marker} },`
  ];
}
function jsString(value) {
  if (!value.includes("'")) return `'${value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}'`;
  return `\`${value.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${")}\``;
}

// eslint-plugin/src/analysis/findings.ts
var MigrationFindings = class {
  constructor(context, options) {
    this.context = context;
    this.options = options;
  }
  context;
  options;
  #indexes = [];
  #tables = [];
  #unverifiable = [];
  addIndex(report) {
    this.#indexes.push(report);
  }
  addTable(table) {
    this.#tables.push(table);
  }
  addUnverifiable(range) {
    if (this.options.reportUnverifiable) this.#unverifiable.push(range);
  }
  /** Findings of SQL text. Unverifiable statements count only in SQL calls (`inSink`) or when they mention INDEX. */
  addSql(findings, anchor, inSink) {
    for (const finding of findings) {
      if (finding.kind === "index") this.addIndex(this.#fromSql(finding, anchor));
      else if (finding.kind === "table") this.addTable(finding);
      else if (inSink || finding.mentionsIndex) this.addUnverifiable(finding.range);
    }
  }
  #fromSql(finding, anchor) {
    const name = finding.name ?? finding.defaultName;
    const entry = finding.statement && name ? entryFromStatement(finding.statement, name, finding.tableName, finding.columns, this.context.filename) : void 0;
    return { ...finding, anchor, name, entry };
  }
  /** Reports everything gathered, in source order. */
  flush(marker) {
    const { allowUnique, allowNewTables, registryPath } = this.options;
    const reports = this.#indexes.filter((index) => !(allowUnique && index.unique)).filter((index) => !(allowNewTables && this.#tables.some((table) => sameTable(table, index))));
    for (const index of reports.sort((a, b) => a.range[0] - b.range[0])) {
      const data = { index: index.name ?? "(name computed at run time)", table: qualified(index), registryPath };
      const entry = index.entry;
      this.context.report({
        loc: this.#loc(index.range),
        messageId: index.unique ? "uniqueIndexInMigration" : "indexInMigration",
        data,
        suggest: entry ? [
          {
            messageId: "moveToRegistry",
            data: { ...data, entry: entryText(entry) },
            fix: (fixer) => this.#insertComment(fixer, index.anchor, entryComment(entry, registryPath, marker))
          }
        ] : []
      });
    }
    for (const range of this.#unverifiable.sort((a, b) => a[0] - b[0])) {
      this.context.report({ loc: this.#loc(range), messageId: "unverifiableSql", data: { registryPath } });
    }
  }
  #loc(range) {
    return { start: this.context.locAt(range[0]), end: this.context.locAt(range[1]) };
  }
  /** Inserts comment lines above the line holding `anchor`, indented like it. */
  #insertComment(fixer, anchor, lines) {
    const text = this.context.text;
    const lineStart = Math.max(text.lastIndexOf("\n", anchor - 1) + 1, 0);
    const indent = /^[ \t]*/.exec(text.slice(lineStart, anchor))[0];
    return fixer.insertTextBeforeRange([lineStart, lineStart], lines.map((line) => `${indent}${line}
`).join(""));
  }
};
function sameTable(table, index) {
  if (table.tableName !== index.tableName) return false;
  return !table.tableSchema || !index.tableSchema || table.tableSchema === index.tableSchema;
}
function qualified(index) {
  return index.tableSchema ? `${index.tableSchema}.${index.tableName}` : index.tableName;
}

// src/sql/index-statement.ts
function readIndexStatement(node) {
  if (nodeType(node) !== "IndexStmt") return void 0;
  const stmt = node.IndexStmt;
  return {
    indexName: stmt.idxname,
    tableSchema: stmt.relation?.schemaname,
    tableName: stmt.relation?.relname ?? "",
    unique: stmt.unique === true,
    concurrent: stmt.concurrent === true,
    ifNotExists: stmt.if_not_exists === true,
    // libpg-query leaves `inh` out for ON ONLY rather than setting it to false.
    only: stmt.relation?.inh !== true,
    accessMethod: stmt.accessMethod ?? "btree",
    node: stmt
  };
}
function describeStatementKind(node) {
  const type = nodeType(node) ?? "empty";
  const known = {
    IndexStmt: "CREATE INDEX",
    DropStmt: "DROP",
    CreateStmt: "CREATE TABLE",
    AlterTableStmt: "ALTER TABLE",
    SelectStmt: "SELECT",
    InsertStmt: "INSERT",
    UpdateStmt: "UPDATE",
    DeleteStmt: "DELETE",
    DoStmt: "DO",
    TruncateStmt: "TRUNCATE",
    VariableSetStmt: "SET",
    TransactionStmt: "a transaction command"
  };
  return known[type] ?? type.replace(/Stmt$/, "");
}

// src/sql/sql-source.ts
var PLACEHOLDER = /__ibh(\d+)__/g;
function placeholder(index) {
  return `__ibh${index}__`;
}
function containsPlaceholder(text) {
  return text.includes("__ibh");
}
function plainSqlSource(text, base = 0) {
  return { text, labels: [], toSource: (offset) => base + offset };
}
function sqlFromParts(parts) {
  let text = "";
  const offsets = [];
  const labels = [];
  let end = 0;
  for (const part of parts) {
    if (part.kind === "text") {
      for (let i = 0; i < part.text.length; i++) offsets.push(part.offsets[i]);
      text += part.text;
    } else {
      const name = placeholder(labels.length);
      labels.push(part.label);
      for (let i = 0; i < name.length; i++) offsets.push(i === 0 ? part.start : part.end);
      text += name;
    }
    end = part.end;
  }
  return { text, labels, toSource: (offset) => offset >= offsets.length ? end : offsets[Math.max(0, offset)] };
}
function subSource(source, text, map) {
  return { text, labels: source.labels, toSource: (offset) => source.toSource(map(offset)) };
}
function withHoles(source, spans) {
  if (spans.length === 0) return source;
  let text = "";
  const origin = [];
  const labels = [...source.labels];
  let from = 0;
  const copy = (until) => {
    for (let i = from; i < until; i++) origin.push(i);
    text += source.text.slice(from, until);
  };
  for (const span of spans) {
    copy(span.start);
    const name = placeholder(labels.length);
    labels.push(span.label);
    for (let i = 0; i < name.length; i++) origin.push(i === 0 ? span.start : span.end);
    text += name;
    from = span.end;
  }
  copy(source.text.length);
  const length = source.text.length;
  return {
    text,
    labels,
    toSource: (offset) => source.toSource(offset >= origin.length ? length : origin[Math.max(0, offset)])
  };
}
function displayName(name, source) {
  if (!containsPlaceholder(name)) return name;
  return name.replace(PLACEHOLDER, (_, index) => source.labels[Number(index)] ?? "...");
}

// src/sql/do-blocks.ts
function findInDoBlock(source, statement, analyze) {
  if (!isPlpgsql(statement.node)) return [];
  const text = source.text.slice(statement.start, statement.end);
  const tokens = codeTokens(scanTokens(text) ?? []);
  const bodyToken = tokens.find((token) => token.kind === "string");
  if (!bodyToken) return [];
  const body = stringContent(bodyToken);
  if (!body) return [];
  const bodySource = subSource(source, body.text, (offset) => statement.start + body.map(offset));
  return findInPlpgsql(bodySource, analyze);
}
function isPlpgsql(node) {
  const args = node.DoStmt?.args;
  const language = args?.find((arg) => arg.DefElem?.defname === "language")?.DefElem?.arg?.String?.sval;
  return language === void 0 || language.toLowerCase() === "plpgsql";
}
function findInPlpgsql(body, analyze) {
  const tokens = codeTokens(scanTokens(body.text) ?? []);
  const findings = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (isKeyword(token, "CREATE")) {
      const end = statementEnd(tokens, i);
      const last = tokens[end - 1];
      const segment = body.text.slice(token.start, last.end);
      findings.push(...analyze(subSource(body, segment, (offset) => token.start + offset)).filter(notUnverifiable));
      i = end;
    } else if (isKeyword(token, "EXECUTE")) {
      const executed = executedSql(body, tokens, i);
      if (executed) findings.push(...analyze(executed).filter(notUnverifiable));
    }
  }
  return findings;
}
function notUnverifiable(finding) {
  return finding.kind !== "unverifiable";
}
function statementEnd(tokens, from) {
  const semicolon = tokens.findIndex((token, at) => at > from && isPunctuation(token, ";"));
  return semicolon === -1 ? tokens.length : semicolon;
}
function executedSql(body, tokens, at) {
  const next = tokens[at + 1];
  if (next?.kind === "string") {
    const after = tokens[at + 2];
    if (after && !isPunctuation(after, ";") && !isKeyword(after, "USING", "INTO")) return void 0;
    return literalSource(body, next);
  }
  if (next?.text.toLowerCase() === "format" && isPunctuation(tokens[at + 2], "(") && tokens[at + 3]?.kind === "string") {
    const literal = literalSource(body, tokens[at + 3]);
    if (!literal) return void 0;
    const spans = [...literal.text.matchAll(/%(?:\d+\$)?-?(?:\d+|\*(?:\d+\$)?)?([sIL%])/g)].filter((match) => match[1] !== "%").map((match) => ({ start: match.index, end: match.index + match[0].length, label: match[0] }));
    return withHoles(literal, spans);
  }
  return void 0;
}
function literalSource(body, token) {
  const content = stringContent(token);
  return content && subSource(body, content.text, (offset) => content.map(offset));
}
function stringContent(token) {
  const tag = /^\$[^$]*\$/.exec(token.text)?.[0];
  if (tag) {
    const text2 = token.text.slice(tag.length, token.text.length - tag.length);
    return { text: text2, map: (offset) => token.start + tag.length + offset };
  }
  if (!token.text.startsWith("'")) return void 0;
  const raw = token.text.slice(1, -1);
  let text = "";
  const origin = [];
  for (let i = 0; i < raw.length; i++) {
    origin.push(token.start + 1 + i);
    text += raw[i];
    if (raw[i] === "'" && raw[i + 1] === "'") i++;
  }
  return { text, map: (offset) => offset >= origin.length ? token.start + token.text.length - 1 : origin[offset] };
}

// src/sql/token-statements.ts
function indexFromTokens(tokens) {
  if (!isKeyword(tokens[0], "CREATE")) return void 0;
  let i = 1;
  let unique = false;
  while (i < tokens.length && (isKeyword(tokens[i], "UNIQUE") || isHole(tokens[i]))) {
    if (isKeyword(tokens[i], "UNIQUE")) unique = true;
    i++;
  }
  if (!isKeyword(tokens[i], "INDEX")) return void 0;
  const on = tokens.findIndex((token, at) => at > i && isKeyword(token, "ON"));
  if (on === -1) return void 0;
  const names = tokens.slice(i + 1, on).filter((token) => !isKeyword(token, "CONCURRENTLY", "IF", "NOT", "EXISTS"));
  const nameToken = names[names.length - 1];
  const table = qualifiedName(tokens, isKeyword(tokens[on + 1], "ONLY") ? on + 2 : on + 1);
  if (!table) return void 0;
  return { name: nameToken && identifierText(nameToken), ...table, unique };
}
function tableFromTokens(tokens) {
  if (!isKeyword(tokens[0], "CREATE")) return void 0;
  const table = tokens.findIndex((token) => isKeyword(token, "TABLE"));
  if (table === -1 || tokens.slice(1, table).some((token) => !token.keyword && !isHole(token))) return void 0;
  let i = table + 1;
  if (isKeyword(tokens[i], "IF") && isKeyword(tokens[i + 1], "NOT") && isKeyword(tokens[i + 2], "EXISTS")) i += 3;
  return qualifiedName(tokens, i);
}
function qualifiedName(tokens, at) {
  const first = tokens[at];
  if (!first || first.kind === "punctuation") return void 0;
  if (isPunctuation(tokens[at + 1], ".") && tokens[at + 2]) {
    return { tableSchema: identifierText(first), tableName: identifierText(tokens[at + 2]) };
  }
  return { tableName: identifierText(first), tableSchema: void 0 };
}
function isHole(token) {
  return token !== void 0 && containsPlaceholder(token.text);
}
function identifierText(token) {
  if (token.text.startsWith('"')) return token.text.slice(1, -1).replace(/""/g, '"');
  return token.kind === "identifier" || token.kind === "keyword" ? token.text.toLowerCase() : token.text;
}

// src/sql/index-creations.ts
function findSqlFindings(source) {
  const parsed = parseStatements(source.text);
  if (parsed.ok) return parsed.statements.flatMap((statement) => fromStatement(source, statement));
  const bound = bindParametersAsHoles(source);
  if (bound !== source) {
    const again = parseStatements(bound.text);
    if (again.ok) return again.statements.flatMap((statement) => fromStatement(bound, statement));
  }
  return fromSegments(bound);
}
function fromStatement(source, statement) {
  const range = [source.toSource(statement.start), source.toSource(statement.end)];
  switch (nodeType(statement.node)) {
    case "IndexStmt": {
      const index = readIndexStatement(statement.node);
      const text = source.text.slice(statement.start, statement.end);
      const columns = indexColumnNames(statement.node);
      return [
        {
          kind: "index",
          range,
          name: index.indexName === void 0 ? void 0 : displayName(index.indexName, source),
          defaultName: index.indexName === void 0 ? defaultIndexName(index.tableName, columns) : void 0,
          tableName: displayName(index.tableName, source),
          tableSchema: index.tableSchema && displayName(index.tableSchema, source),
          unique: index.unique,
          columns: columns.map((column) => displayName(column, source)),
          statement: containsPlaceholder(text) ? void 0 : text
        }
      ];
    }
    case "CreateStmt":
    case "CreateTableAsStmt": {
      const relation = createdRelation(statement.node);
      if (!relation?.relname) return [];
      return [
        {
          kind: "table",
          range,
          tableName: displayName(relation.relname, source),
          tableSchema: relation.schemaname && displayName(relation.schemaname, source)
        }
      ];
    }
    case "DoStmt":
      return findInDoBlock(source, statement, findSqlFindings);
    default:
      return [];
  }
}
function createdRelation(node) {
  const create = node.CreateStmt;
  if (create) return create.relation;
  return node.CreateTableAsStmt?.into?.rel;
}
function bindParametersAsHoles(source) {
  const tokens = scanTokens(source.text);
  if (!tokens) return source;
  const spans = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === "operator" && (token.text === "?" || token.text === "??")) {
      spans.push({ start: token.start, end: token.end, label: token.text });
    } else if (token.kind === "operator" && token.text === ":" && adjacentName(token, tokens[i + 1])) {
      const name = tokens[i + 1];
      const closing = tokens[i + 2];
      const end = closing?.text === ":" && closing.start === name.end ? closing.end : name.end;
      spans.push({ start: token.start, end, label: source.text.slice(token.start, end) });
      i += end === name.end ? 1 : 2;
    }
  }
  return withHoles(source, spans);
}
function adjacentName(colon, next) {
  return next !== void 0 && next.start === colon.end && (next.kind === "identifier" || next.kind === "keyword");
}
function fromSegments(source) {
  const tokens = scanTokens(source.text);
  if (!tokens) return [];
  return splitStatements(tokens).flatMap((segment) => {
    const start = segment[0].start;
    const end = segment[segment.length - 1].end;
    const text = source.text.slice(start, end);
    const parsed = parseStatements(text);
    if (parsed.ok) {
      const sub = subSource(source, text, (offset) => offset + start);
      return parsed.statements.flatMap((statement) => fromStatement(sub, statement));
    }
    return fromTokens(source, segment, text);
  });
}
function fromTokens(source, segment, text) {
  const first = segment[0];
  const range = [source.toSource(first.start), source.toSource(segment[segment.length - 1].end)];
  if (containsPlaceholder(first.text)) {
    return [{ kind: "unverifiable", range, mentionsIndex: segment.some((token) => isKeyword(token, "INDEX")) }];
  }
  if (!containsPlaceholder(text) || !isKeyword(first, "CREATE")) return [];
  const index = indexFromTokens(segment);
  if (index) {
    return [
      {
        kind: "index",
        range,
        name: index.name === void 0 ? void 0 : displayName(index.name, source),
        defaultName: void 0,
        tableName: displayName(index.tableName, source),
        tableSchema: index.tableSchema && displayName(index.tableSchema, source),
        unique: index.unique,
        columns: [],
        statement: void 0
      }
    ];
  }
  const table = tableFromTokens(segment);
  if (!table) return [];
  return [
    {
      kind: "table",
      range,
      tableName: displayName(table.tableName, source),
      tableSchema: table.tableSchema && displayName(table.tableSchema, source)
    }
  ];
}

// eslint-plugin/src/analysis/ast.ts
function methodName(call) {
  const callee = unwrapChain(call.callee);
  if (callee.type !== "MemberExpression") return void 0;
  if (!callee.computed && callee.property.type === "Identifier") return callee.property.name;
  if (callee.property.type === "Literal" && typeof callee.property.value === "string") return callee.property.value;
  return void 0;
}
function receiver(call) {
  const callee = unwrapChain(call.callee);
  return callee.type === "MemberExpression" ? callee.object : void 0;
}
function receiverName(call) {
  const object = receiver(call);
  if (!object) return void 0;
  if (object.type === "Identifier") return object.name;
  if (object.type === "MemberExpression" && !object.computed && object.property.type === "Identifier") {
    return object.property.name;
  }
  if (object.type === "ThisExpression") return "this";
  return void 0;
}
function unwrapChain(node) {
  return node.type === "ChainExpression" ? node.expression : node;
}
function constructorName(node) {
  if (node.callee.type === "Identifier") return node.callee.name;
  if (node.callee.type === "MemberExpression" && node.callee.property.type === "Identifier") return node.callee.property.name;
  return void 0;
}
function isFunction(node) {
  return node?.type === "ArrowFunctionExpression" || node?.type === "FunctionExpression";
}
function enclosingStatement(node) {
  let current = node;
  while (current.parent) {
    const parent = current.parent;
    if (parent.type === "Program" || parent.type === "BlockStatement" || parent.type === "StaticBlock" || parent.type === "SwitchCase") {
      return current;
    }
    current = parent;
  }
  return current;
}

// eslint-plugin/src/analysis/js-strings.ts
var SIMPLE_ESCAPES = { n: "\n", r: "\r", t: "	", b: "\b", f: "\f", v: "\v" };
function decodeJsText(raw, base) {
  let text = "";
  const offsets = [];
  const emit = (value, at) => {
    text += value;
    for (let k = 0; k < value.length; k++) offsets.push(base + at);
  };
  let i = 0;
  while (i < raw.length) {
    const char = raw[i];
    if (char === "\r" && raw[i + 1] === "\n") {
      emit("\n", i);
      i += 2;
    } else if (char !== "\\") {
      emit(char, i);
      i++;
    } else {
      const { value, length } = readEscape(raw, i);
      emit(value, i);
      i += length;
    }
  }
  return { text, offsets, end: base + raw.length };
}
function readEscape(raw, at) {
  const next = raw[at + 1] ?? "";
  if (next in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[next], length: 2 };
  if (next === "\r") return { value: "", length: raw[at + 2] === "\n" ? 3 : 2 };
  if (next === "\n" || next === "\u2028" || next === "\u2029") return { value: "", length: 2 };
  if (next === "x") return codePoint(raw.slice(at + 2, at + 4), 4, /^[0-9a-f]{2}$/i);
  if (next === "u") {
    if (raw[at + 2] === "{") {
      const close = raw.indexOf("}", at + 3);
      return codePoint(raw.slice(at + 3, close), close - at + 1, /^[0-9a-f]+$/i);
    }
    return codePoint(raw.slice(at + 2, at + 6), 6, /^[0-9a-f]{4}$/i);
  }
  const octal = /^[0-7]{1,3}/.exec(raw.slice(at + 1))?.[0];
  if (octal && !(octal === "0" && /[89]/.test(raw[at + 2] ?? ""))) {
    const value = Number.parseInt(octal, 8);
    const digits = value > 255 ? octal.slice(0, 2) : octal;
    return { value: String.fromCharCode(Number.parseInt(digits, 8)), length: 1 + digits.length };
  }
  return { value: next, length: 2 };
}
function codePoint(hex, length, pattern) {
  if (!pattern.test(hex)) return { value: hex, length };
  return { value: String.fromCodePoint(Number.parseInt(hex, 16)), length };
}

// eslint-plugin/src/analysis/static-values.ts
function staticString(node) {
  if (!node) return void 0;
  if (node.type === "Literal") return typeof node.value === "string" ? node.value : void 0;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) {
    return decodeJsText(node.quasis[0].value.raw, 0).text;
  }
  if (node.type === "TSAsExpression" || node.type === "TSSatisfiesExpression" || node.type === "TSNonNullExpression") {
    return staticString(node.expression);
  }
  if (node.type === "Identifier") return moduleConstant(node);
  return void 0;
}
function moduleConstant(identifier) {
  let program = identifier;
  for (; program?.parent; program = program.parent) {
    if (isFunctionLike(program) && program.params.some((param) => param.type === "Identifier" && param.name === identifier.name)) {
      return void 0;
    }
  }
  if (program?.type !== "Program") return void 0;
  for (const statement of program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type !== "VariableDeclaration" || declaration.kind !== "const") continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === "Identifier" && declarator.id.name === identifier.name) {
        return declarator.init && declarator.init.type !== "Identifier" ? staticString(declarator.init) : void 0;
      }
    }
  }
  return void 0;
}
function isFunctionLike(node) {
  return node.type === "ArrowFunctionExpression" || node.type === "FunctionExpression" || node.type === "FunctionDeclaration";
}
function staticBoolean(node) {
  return node?.type === "Literal" && typeof node.value === "boolean" ? node.value : void 0;
}
function staticStrings(node) {
  if (!node) return void 0;
  const single = staticString(node);
  if (single !== void 0) return [single];
  if (node.type !== "ArrayExpression") return void 0;
  const values = node.elements.map((element) => element && element.type !== "SpreadElement" ? staticString(element) : void 0);
  return values.every((value) => value !== void 0) ? values : void 0;
}
function property(node, name) {
  if (node?.type !== "ObjectExpression") return void 0;
  for (const prop of node.properties) {
    if (prop.type !== "Property" || prop.computed) continue;
    const key = prop.key.type === "Identifier" ? prop.key.name : staticString(prop.key);
    if (key === name) return prop.value;
  }
  return void 0;
}

// eslint-plugin/src/analysis/described-index.ts
function tableRef(node, sourceText, splitDot = false) {
  if (!node) return { name: "(unknown table)", schema: void 0, computed: true };
  const name = staticString(node);
  if (name !== void 0) return namedTable(name, splitDot);
  return { name: `\${${sourceText.slice(node.range[0], node.range[1])}}`, schema: void 0, computed: true };
}
function namedTable(name, splitDot) {
  const dot = splitDot ? name.indexOf(".") : -1;
  return dot === -1 ? { name, schema: void 0, computed: false } : { name: name.slice(dot + 1), schema: name.slice(0, dot), computed: false };
}
function toIndexReport(index, filename) {
  const known = index.name !== void 0 && !index.table.computed && index.columns !== void 0 && index.where !== null;
  const sql = known && renderIndexSql({
    name: index.name,
    tableName: index.table.name,
    tableSchema: index.table.schema,
    columns: index.columns,
    unique: index.unique,
    method: index.method,
    where: index.where ?? void 0,
    include: index.include
  });
  return {
    range: index.node.range,
    anchor: enclosingStatement(index.node).range[0],
    name: index.name,
    tableName: index.table.name,
    tableSchema: index.table.schema,
    unique: index.unique,
    entry: sql ? entryFromSql(sql, index.name, index.table.name, index.columns, filename) : void 0
  };
}

// eslint-plugin/src/analysis/knex.ts
var TABLE_METHODS = /* @__PURE__ */ new Set(["createTable", "createTableIfNotExists", "alterTable", "table"]);
var KnexReader = class {
  constructor(sourceText) {
    this.sourceText = sourceText;
  }
  sourceText;
  #callbacks = /* @__PURE__ */ new Map();
  /** Remembers the builder parameter of a table callback: `(table) => { ... }` in `createTable('t', ...)`. */
  onTableCall(call) {
    const method = methodName(call);
    if (!method || !TABLE_METHODS.has(method)) return;
    const callback = call.arguments[1];
    const param = isFunction(callback) ? callback.params[0] : void 0;
    if (!isFunction(callback) || param?.type !== "Identifier") return;
    const table = { ...tableRef(call.arguments[0], this.sourceText), schema: schemaOf(call) };
    this.#callbacks.set(callback, { param: param.name, table });
  }
  /** An index created by `t.index(...)` or `t.<type>('col').index(...)` in a table callback. */
  onIndexCall(call) {
    if (methodName(call) !== "index") return void 0;
    const object = receiver(call);
    if (object?.type === "Identifier") {
      const callback2 = this.#callbackFor(call, object.name);
      if (!callback2) return void 0;
      const [columnsArg, nameArg2, optionsArg2] = call.arguments;
      return this.#describe(callback2.table, staticStrings(columnsArg), nameArg2, optionsArg2);
    }
    const column = columnCall(object);
    if (!column) return void 0;
    const callback = this.#callbackFor(call, column.root);
    if (!callback) return void 0;
    const [nameArg, optionsArg] = call.arguments;
    const name = staticString(column.call.arguments[0]);
    return this.#describe(callback.table, name === void 0 ? void 0 : [name], nameArg, optionsArg);
  }
  #describe(table, columns, nameArg, optionsArg) {
    const absent = !nameArg || nameArg.type === "Identifier" && nameArg.name === "undefined" || nameArg.type === "Literal" && nameArg.value === null;
    const name = !absent ? staticString(nameArg) : columns && !table.computed ? knexIndexName(table.name, columns) : void 0;
    const method = staticString(optionsArg) ?? staticString(property(optionsArg, "indexType"));
    const where = property(optionsArg, "predicate") ? null : void 0;
    return { name, table, columns, unique: false, method, where };
  }
  /** The innermost table callback around `node` whose parameter is `name`. */
  #callbackFor(node, name) {
    for (let current = node.parent; current; current = current.parent) {
      if (isFunction(current)) {
        const callback = this.#callbacks.get(current);
        if (callback?.param === name) return callback;
      }
    }
    return void 0;
  }
};
function columnCall(node) {
  let current = node;
  while (current?.type === "CallExpression") {
    const object = receiver(current);
    if (object?.type === "Identifier") return { call: current, root: object.name };
    current = object;
  }
  return void 0;
}
function schemaOf(call) {
  const object = receiver(call);
  if (object?.type === "CallExpression" && methodName(object) === "withSchema") return staticString(object.arguments[0]);
  return void 0;
}
function knexIndexName(table, columns) {
  return `${table.replace(/[.-]/g, "_")}_${columns.join("_")}_index`.toLowerCase();
}

// eslint-plugin/src/analysis/kysely.ts
function isSchemaBuilderCall(call) {
  const object = receiver(call);
  return receiverName(call) === "schema" || object?.type === "CallExpression" && methodName(object) === "withSchema";
}
function readKyselyIndex(call, sourceText) {
  const schema = schemaOf2(call);
  let table = { name: "(unknown table)", schema, computed: true };
  let columns = [];
  let unique = false;
  let method;
  let where;
  let node = call;
  for (let outer = chainedCall(node); outer; outer = chainedCall(node)) {
    const args = outer.arguments;
    switch (methodName(outer)) {
      case "on":
        table = { ...tableRef(args[0], sourceText), schema };
        break;
      case "column":
      case "columns": {
        const named = staticStrings(args[0]);
        columns = named && columns ? [...columns, ...named] : void 0;
        break;
      }
      case "expression":
        columns = void 0;
        break;
      case "unique":
        unique = true;
        break;
      case "using":
        method = staticString(args[0]);
        break;
      case "where":
      case "nullsNotDistinct":
        where = null;
        break;
    }
    node = outer;
  }
  return { node, name: staticString(call.arguments[0]), table, columns: columns?.length ? columns : void 0, unique, method, where };
}
function chainedCall(node) {
  const member = node.parent;
  if (member?.type !== "MemberExpression" || member.object !== node) return void 0;
  const call = member.parent;
  return call?.type === "CallExpression" && call.callee === member ? call : void 0;
}
function schemaOf2(call) {
  const object = receiver(call);
  if (object?.type === "CallExpression" && methodName(object) === "withSchema") return staticString(object.arguments[0]);
  return void 0;
}

// eslint-plugin/src/analysis/node-pg-migrate.ts
function readPgmIndex(call, sourceText) {
  const [tableArg, columnsArg, options] = call.arguments;
  const table = pgmTable(tableArg, sourceText);
  const columns = pgmColumns(columnsArg);
  const unique = staticBoolean(property(options, "unique")) === true;
  const nameArg = property(options, "name");
  const name = nameArg ? staticString(nameArg) : columns && !table.computed ? `${table.name}_${columns.map((column) => column.split(/\s/)[0]).join("_")}${unique ? "_unique" : ""}_index` : void 0;
  const whereArg = property(options, "where");
  return {
    name,
    table,
    columns,
    unique,
    method: staticString(property(options, "method")),
    where: whereArg ? staticString(whereArg) ?? null : void 0,
    include: staticStrings(property(options, "include"))
  };
}
function pgmTable(node, sourceText) {
  if (node?.type === "ObjectExpression") {
    const name = staticString(property(node, "name"));
    if (name !== void 0) return { name, schema: staticString(property(node, "schema")), computed: false };
  }
  return tableRef(node, sourceText);
}
function pgmColumns(node) {
  const plain = staticStrings(node);
  if (plain) return plain;
  if (node?.type !== "ArrayExpression") return void 0;
  const columns = node.elements.map((element) => {
    if (!element || element.type === "SpreadElement") return void 0;
    const name = staticString(element) ?? staticString(property(element, "name"));
    if (name === void 0 || property(element, "opclass")) return void 0;
    const sort = staticString(property(element, "sort"));
    return sort ? `${name} ${sort}` : name;
  });
  return columns.every((column) => column !== void 0) ? columns : void 0;
}

// eslint-plugin/src/analysis/sequelize.ts
function readSequelizeIndex(call, sourceText) {
  const [tableArg, second, third] = call.arguments;
  const table = sequelizeTable(tableArg, sourceText);
  const options = second?.type === "ObjectExpression" ? second : third;
  const fieldsArg = second?.type === "ObjectExpression" ? property(second, "fields") : second;
  const fields = sequelizeFields(fieldsArg);
  const unique = staticBoolean(property(options, "unique")) === true || staticString(property(options, "type"))?.toUpperCase() === "UNIQUE";
  const nameArg = property(options, "name");
  const name = nameArg ? staticString(nameArg) : fields && !table.computed ? underscore(`${table.name}_${fields.map((field) => field.split(" ")[0]).join("_")}`) : void 0;
  return {
    name,
    table,
    columns: fields,
    unique,
    method: staticString(property(options, "using")),
    where: property(options, "where") ? null : void 0
  };
}
function sequelizeTable(node, sourceText) {
  if (node?.type === "ObjectExpression") {
    const name = staticString(property(node, "tableName"));
    if (name !== void 0) return { name, schema: staticString(property(node, "schema")), computed: false };
  }
  return tableRef(node, sourceText);
}
function sequelizeFields(node) {
  if (node?.type !== "ArrayExpression") return void 0;
  const fields = node.elements.map((element) => {
    if (!element || element.type === "SpreadElement") return void 0;
    const plain = staticString(element);
    if (plain !== void 0) return plain;
    const name = staticString(property(element, "name")) ?? staticString(property(element, "attribute"));
    const order = staticString(property(element, "order"));
    return name === void 0 ? void 0 : order ? `${name} ${order}` : name;
  });
  return fields.every((field) => field !== void 0) ? fields : void 0;
}
function underscore(text) {
  return text.replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").replace(/([a-z\d])([A-Z])/g, "$1_$2").replace(/-/g, "_").toLowerCase();
}

// eslint-plugin/src/analysis/sql-expressions.ts
function isStringLiteral(node) {
  return node?.type === "Literal" && typeof node.value === "string";
}
function isConcatenation(node) {
  return node?.type === "BinaryExpression" && node.operator === "+";
}
function isTextRoot(node) {
  if (node.type === "Literal" && typeof node.value !== "string") return false;
  if (node.type !== "Literal" && node.type !== "TemplateLiteral" && !isConcatenation(node)) return false;
  return !isConcatenation(node.parent);
}
function sqlOf(node, sourceText) {
  const parts = [];
  collect(node, sourceText, parts);
  if (!parts.some((part) => part.kind === "text")) return void 0;
  return sqlFromParts(parts);
}
function collect(node, sourceText, parts) {
  if (isStringLiteral(node)) {
    parts.push({ kind: "text", ...decodeJsText(node.raw.slice(1, -1), node.range[0] + 1) });
  } else if (node.type === "TemplateLiteral") {
    node.quasis.forEach((quasi, i) => {
      const decoded = decodeJsText(quasi.value.raw, quasi.range[0] + 1);
      if (decoded.text) parts.push({ kind: "text", ...decoded });
      const expression = node.expressions[i];
      if (expression) {
        const start = quasi.range[1] - 2;
        const end = node.quasis[i + 1].range[0] + 1;
        parts.push({ kind: "hole", label: sourceText.slice(start, end), start, end });
      }
    });
  } else if (isConcatenation(node) && node.left.type !== "PrivateIdentifier") {
    collect(node.left, sourceText, parts);
    collect(node.right, sourceText, parts);
  } else {
    parts.push({ kind: "hole", label: `\${${sourceText.slice(node.range[0], node.range[1])}}`, start: node.range[0], end: node.range[1] });
  }
}

// eslint-plugin/src/analysis/sinks.ts
var SQL_METHODS = /* @__PURE__ */ new Set(["raw", "sql", "query", "unsafe"]);
function isSqlCall(call) {
  const method = methodName(call);
  return method !== void 0 && SQL_METHODS.has(method);
}
function isSqlTag(tag) {
  if (tag.type === "Identifier") return tag.name === "sql" || tag.name === "SQL";
  return tag.type === "MemberExpression" && !tag.computed && tag.property.type === "Identifier" && tag.property.name === "sql";
}
function isSqlArgument(node) {
  const parent = node.parent;
  if (parent?.type === "CallExpression") return parent.arguments[0] === node && isSqlCall(parent);
  if (parent?.type === "TaggedTemplateExpression") return parent.quasi === node && isSqlTag(parent.tag);
  return false;
}
function isReadableText(node, sourceCode) {
  if (isTextRoot(node)) return true;
  if (node.type === "TaggedTemplateExpression") return isSqlTag(node.tag);
  if (node.type !== "Identifier") return false;
  for (let scope = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(node.name);
    if (!variable) continue;
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || def?.type !== "Variable" || def.parent.kind !== "const") return false;
    const init = def.node.init;
    return init !== null && (isTextRoot(init) || init.type === "TaggedTemplateExpression" && isSqlTag(init.tag));
  }
  return false;
}

// eslint-plugin/src/analysis/typeorm.ts
import { createHash } from "node:crypto";
function isNew(node, name) {
  return node?.type === "NewExpression" && constructorName(node) === name;
}
function readTypeormIndex(options, table) {
  const columns = staticStrings(property(options, "columnNames"));
  const whereArg = property(options, "where");
  const where = whereArg ? staticString(whereArg) ?? null : void 0;
  const nameArg = property(options, "name");
  const name = nameArg ? staticString(nameArg) : columns && !table.computed && where !== null ? typeormIndexName(table, columns, where) : void 0;
  return {
    name,
    table,
    columns,
    unique: staticBoolean(property(options, "isUnique")) === true,
    method: staticBoolean(property(options, "isSpatial")) ? "gist" : void 0,
    where
  };
}
function tableOfIndex(node, sourceText) {
  const parent = node.parent;
  if (parent?.type === "CallExpression" && methodName(parent) === "createIndex" && parent.arguments[1] === node) {
    return typeormTable(parent.arguments[0], sourceText);
  }
  if (parent?.type === "ArrayExpression") {
    const holder = parent.parent;
    if (holder?.type === "CallExpression" && methodName(holder) === "createIndices" && holder.arguments[1] === parent) {
      return typeormTable(holder.arguments[0], sourceText);
    }
    const table = tableOfIndicesProperty(parent);
    if (table) return typeormTable(table, sourceText);
  }
  return { name: "(unknown table)", schema: void 0, computed: true };
}
function tableOfIndicesProperty(array) {
  const prop = array.parent;
  if (prop?.type !== "Property" || prop.value !== array) return void 0;
  const key = prop.key.type === "Identifier" ? prop.key.name : staticString(prop.key);
  const table = prop.parent?.parent;
  return key === "indices" && isNew(table, "Table") ? table : void 0;
}
function typeormTable(node, sourceText) {
  if (isNew(node, "Table")) {
    const name = staticString(property(node.arguments[0], "name"));
    if (name !== void 0) return namedTable(name, true);
  }
  return tableRef(node, sourceText, true);
}
function indexObjectsOfTable(table) {
  const indices = property(table.arguments[0], "indices");
  if (indices?.type !== "ArrayExpression") return [];
  return indices.elements.filter((element) => element?.type === "ObjectExpression");
}
function typeormIndexName(table, columns, where) {
  const tableName = table.schema ? `${table.schema}.${table.name}` : table.name;
  let key = `${tableName.replace(".", "_")}_${[...columns].sort().join("_")}`;
  if (where) key += `_${where}`;
  return `IDX_${createHash("sha1").update(key).digest("hex").slice(0, 26)}`;
}

// eslint-plugin/src/analysis/tables.ts
var CREATE_TABLE = /* @__PURE__ */ new Set(["createTable", "createTableIfNotExists"]);
function createdTable(call, method, sourceText) {
  if (!CREATE_TABLE.has(method)) return void 0;
  const first = call.arguments[0];
  if (!first || first.type === "SpreadElement") return void 0;
  if (isNew(first, "Table")) return typeormTable(first, sourceText);
  if (first.type === "ObjectExpression") {
    const table = pgmTable(first, sourceText);
    return table.computed ? sequelizeTable(first, sourceText) : table;
  }
  const name = staticString(first);
  if (name !== void 0) return { ...namedTable(name, false), schema: withSchema(call) };
  return tableRef(first, sourceText);
}
function withSchema(call) {
  const object = receiver(call);
  return object?.type === "CallExpression" && methodName(object) === "withSchema" ? staticString(object.arguments[0]) : void 0;
}

// eslint-plugin/src/analysis/js-migration.ts
function jsMigrationListener(context, options, findings) {
  const { sourceCode, filename } = context;
  const text = sourceCode.text;
  const knex = new KnexReader(text);
  const report = (index) => findings.addIndex(toIndexReport(index, filename));
  const worthReading = (sql, inSink) => /index/i.test(sql) || options.allowNewTables && /table/i.test(sql) || inSink && options.reportUnverifiable && containsPlaceholder(sql);
  const onText = (node) => {
    if (!isTextRoot(node) || isModuleSpecifierOrKey(node)) return;
    const inSink = isSqlArgument(node);
    const source = sqlOf(node, text);
    if (!source || !worthReading(source.text, inSink)) return;
    findings.addSql(findSqlFindings(source), enclosingStatement(node).range[0], inSink);
  };
  const onTypeormCall = (call, method) => {
    const [tableArg, indexes] = call.arguments;
    const unknown = (node) => report({ node, name: void 0, table: typeormTable(tableArg, text), columns: void 0, unique: false });
    if (method === "createIndex") {
      if (!isNew(indexes, "TableIndex")) unknown(call);
    } else if (indexes?.type === "ArrayExpression") {
      for (const element of indexes.elements) if (!isNew(element, "TableIndex")) unknown(element ?? call);
    } else unknown(call);
  };
  const onIndexMethod = (call, method) => {
    if (method === "createIndex" && isSchemaBuilderCall(call)) report(readKyselyIndex(call, text));
    else if (method === "createIndices" || method === "createIndex" && isTypeormCall(call)) onTypeormCall(call, method);
    else if (method === "addIndex" && isSequelizeCall(call)) report({ node: call, ...readSequelizeIndex(call, text) });
    else if (isPgmCall(call)) report({ node: call, ...readPgmIndex(call, text) });
  };
  return {
    Literal: onText,
    TemplateLiteral: onText,
    BinaryExpression: onText,
    CallExpression(call) {
      const method = methodName(call);
      if (!method) return;
      const table = createdTable(call, method, text);
      if (table) findings.addTable({ tableName: table.name, tableSchema: table.schema });
      knex.onTableCall(call);
      if (method === "index") {
        const index = knex.onIndexCall(call);
        if (index) report({ node: call, ...index });
      } else if (method === "createIndex" || method === "addIndex" || method === "createIndices") {
        onIndexMethod(call, method);
      } else if (options.reportUnverifiable && isSqlCall(call)) {
        const sql = call.arguments[0];
        if (sql && sql.type !== "SpreadElement" && !isReadableText(sql, sourceCode)) findings.addUnverifiable(sql.range);
      }
    },
    NewExpression(node) {
      if (isNew(node, "TableIndex")) {
        report({ node, ...readTypeormIndex(node.arguments[0], tableOfIndex(node, text)) });
      } else if (isNew(node, "Table")) {
        for (const object of indexObjectsOfTable(node)) report({ node: object, ...readTypeormIndex(object, typeormTable(node, text)) });
      }
    },
    "Program:exit"() {
      findings.flush("//");
    }
  };
}
function isTypeormCall(call) {
  return isNew(call.arguments[1], "TableIndex") || /runner/i.test(receiverName(call) ?? "");
}
function isSequelizeCall(call) {
  const [, second, third] = call.arguments;
  return /queryInterface|sequelize/i.test(receiverName(call) ?? "") || second?.type === "ObjectExpression" || ["fields", "using", "type"].some((key) => property(third, key) !== void 0);
}
function isPgmCall(call) {
  const [table, columns] = call.arguments;
  if (!table || !columns || table.type === "SpreadElement" || columns.type === "SpreadElement") return false;
  const tableOk = table.type === "ObjectExpression" ? staticString(property(table, "name")) !== void 0 : table.type !== "ArrayExpression";
  return tableOk && columns.type !== "ObjectExpression";
}
function isModuleSpecifierOrKey(node) {
  const parent = node.parent;
  switch (parent?.type) {
    case "ImportDeclaration":
    case "ExportAllDeclaration":
    case "ExportNamedDeclaration":
    case "ImportExpression":
    case "TSExternalModuleReference":
      return true;
    case "Property":
      return parent.key === node;
    case "CallExpression":
      return parent.callee.type === "Identifier" && parent.callee.name === "require";
    default:
      return false;
  }
}

// eslint-plugin/src/analysis/sql-migration.ts
function sqlMigrationListener(sourceCode, findings) {
  const source = plainSqlSource(sourceCode.text);
  return {
    SqlStatement(statement) {
      const [start, end] = statement.range;
      findings.addSql(fromStatement(source, { node: statement.node, start, end }), start, true);
    },
    "SqlScript:exit"() {
      findings.flush("--");
    }
  };
}

// eslint-plugin/src/rules/create-rule.ts
var import_eslint_utils = __toESM(require_eslint_utils(), 1);
var createRule = (0, import_eslint_utils.RuleCreator)(ruleDocsUrl);

// eslint-plugin/src/rules/no-index-in-migration.ts
var DEFAULT_OPTIONS = {
  allowUnique: false,
  allowNewTables: false,
  reportUnverifiable: false,
  registryPath: "db/indexes.ts"
};
var AFTER_DEPLOY = "index-builder builds it with CREATE INDEX CONCURRENTLY after the deploy";
var noIndexInMigration = createRule({
  name: "no-index-in-migration",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow creating indexes in schema migrations; declare them in the index-builder registry",
      recommended: true
    },
    hasSuggestions: true,
    // ESLint 10 checks that a rule supports the language of the files it is enabled for.
    ...{ languages: ["js/js", "index-builder/sql"] },
    schema: [
      {
        type: "object",
        properties: {
          allowUnique: { type: "boolean", description: "Allow CREATE UNIQUE INDEX in migrations." },
          allowNewTables: { type: "boolean", description: "Allow indexes on tables that the same migration creates." },
          reportUnverifiable: {
            type: "boolean",
            description: "Report SQL whose statement cannot be read statically (a computed statement keyword)."
          },
          registryPath: { type: "string", description: "The registry file named in messages (default db/indexes.ts)." }
        },
        additionalProperties: false
      }
    ],
    messages: {
      indexInMigration: `Index "{{index}}" on "{{table}}" is created in a migration, which blocks writes to "{{table}}" for the whole build. Declare it in {{registryPath}} instead; ${AFTER_DEPLOY}.`,
      uniqueIndexInMigration: 'Unique index "{{index}}" on "{{table}}" is created in a migration, which blocks writes to "{{table}}" for the whole build. Declare it in {{registryPath}} instead; index-builder builds it with CREATE UNIQUE INDEX CONCURRENTLY after the deploy. If the application needs the uniqueness the moment the migration runs, keep it and set allowUnique.',
      unverifiableSql: "This SQL cannot be read statically (the statement itself is computed), so it may create an index unseen. Write the statement as literal text, or declare its indexes in {{registryPath}}.",
      moveToRegistry: 'Insert the registry entry for "{{index}}" as a comment, to move into {{registryPath}}: {{entry}}'
    }
  },
  defaultOptions: [DEFAULT_OPTIONS],
  create(context, [given]) {
    const options = { ...DEFAULT_OPTIONS, ...given };
    if (isRegistryFile(context.filename, options.registryPath)) return {};
    const sourceCode = context.sourceCode;
    const reporter = {
      filename: context.filename,
      text: sourceCode.text,
      locAt: (offset) => sourceCode.getLocFromIndex(offset),
      report: (descriptor) => context.report(descriptor)
    };
    const findings = new MigrationFindings(reporter, options);
    if (context.sourceCode instanceof SqlSourceCode) return sqlMigrationListener(context.sourceCode, findings);
    return jsMigrationListener(context, options, findings);
  }
});
function isRegistryFile(filename, registryPath) {
  const file = filename.replace(/\\/g, "/");
  const registry = registryPath.replace(/\\/g, "/").replace(/^\.\//, "");
  return file === registry || file.endsWith(`/${registry}`);
}

// eslint-plugin/src/rules/valid-registry.ts
import { relative } from "node:path";

// src/registry/problems.ts
var PROBLEM_CODES = {
  "unsupported-file-type": { problem: "The registry file has an extension index-builder cannot read.", fix: "Name it .ts, .mts, .cts, .js, .mjs, .cjs, .json, .yaml or .yml." },
  "file-not-found": { problem: "The registry file does not exist.", fix: "Pass its path with --registry, or write one with `index-builder import`." },
  "file-unreadable": { problem: "The registry file exists but cannot be read.", fix: "Give the user running index-builder read access to it." },
  "file-syntax": { problem: "A JSON or YAML registry does not parse.", fix: "Fix the syntax at the line shown." },
  "load-failed": { problem: "Running a .ts/.js registry threw an error.", fix: "Fix the error at the line shown; the module must run on its own." },
  "not-an-array": { problem: "The registry does not export an array of entries.", fix: "Write `export default defineIndexes([...])` (a list at the top of a JSON/YAML file)." },
  "entry-not-object": { problem: "An entry is not an object.", fix: "Write `{ name, sql, critical, description }`." },
  "unknown-key": { problem: "An entry has a key index-builder does not know (often a typo).", fix: "Remove it, or spell it as one of name, sql, critical, description." },
  "missing-name": { problem: "`name` is missing or empty.", fix: "Write the index name, as in the SQL: `name: 'idx_orders_customer'`." },
  "missing-sql": { problem: "`sql` is missing or empty.", fix: "Write one `CREATE INDEX CONCURRENTLY IF NOT EXISTS ...` statement." },
  "invalid-critical": { problem: "`critical` is not a boolean.", fix: "Write `critical: true` or `critical: false`." },
  "invalid-description": { problem: "`description` is not a string.", fix: "Write what the index is for as a string." },
  "sql-syntax-error": { problem: "`sql` does not parse with the PostgreSQL parser.", fix: "Fix the statement at the sql line shown." },
  "no-statement": { problem: "`sql` holds only comments or whitespace.", fix: "Write one `CREATE INDEX CONCURRENTLY IF NOT EXISTS ...` statement." },
  "multiple-statements": { problem: "`sql` holds more than one statement.", fix: "Keep only the CREATE INDEX; one entry per index." },
  "not-create-index": { problem: "`sql` is not a CREATE INDEX statement.", fix: "Write a `CREATE INDEX CONCURRENTLY IF NOT EXISTS ...` statement; other DDL belongs in migrations." },
  "missing-concurrently": { problem: "The statement lacks CONCURRENTLY, so the build would block writes to the table.", fix: "Write `CREATE INDEX CONCURRENTLY IF NOT EXISTS name ON table (...)`." },
  "missing-if-not-exists": { problem: "The statement lacks IF NOT EXISTS (or an index name), so a second run would fail.", fix: "Write `CREATE INDEX CONCURRENTLY IF NOT EXISTS name ON table (...)`." },
  "name-too-long": { problem: "The index name is longer than 63 bytes; PostgreSQL would silently cut it.", fix: "Choose a name of at most 63 bytes, in `name` and in `sql`." },
  "name-mismatch": { problem: "`name` differs from the index name in `sql` (unquoted names fold to lower case).", fix: "Write the same name in both." },
  "schema-mismatch": { problem: "`name` names a schema other than the table's; an index lives in its table's schema.", fix: "Write the table's schema in `name`, or leave the schema out." },
  "non-immutable": { problem: "An index expression or predicate uses a function or value that is not immutable.", fix: "Use only immutable functions and values (e.g. compare with a fixed timestamptz literal, not now())." },
  "duplicate-name": { problem: "Two entries declare the same index.", fix: "Rename one, or delete the copy." }
};
var PROBLEM_CODE_LIST = Object.keys(PROBLEM_CODES);
function problemText(problem) {
  return problem.fix ? `${problem.message}; ${problem.fix}` : problem.message;
}
function isEntryProblem(value) {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

// src/sql/definition.ts
import { createHash as createHash2 } from "node:crypto";
var NOISE = /* @__PURE__ */ new Set(["location", "stmt_location", "stmt_len", "concurrent", "if_not_exists"]);
var COMPARE_NOISE = /* @__PURE__ */ new Set([...NOISE, "list_start", "list_end", "rexpr_list_start", "rexpr_list_end"]);
function definitionFingerprint(sql) {
  const tree = parseSql(sql)[0]?.stmt;
  return createHash2("sha256").update(JSON.stringify(strip(tree, NOISE))).digest("hex").slice(0, 16);
}
function strip(node, fields) {
  if (Array.isArray(node)) return node.map((item) => strip(item, fields));
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node).filter(([key]) => !fields.has(key)).map(([key, value]) => [key, strip(value, fields)])
  );
}

// src/sql/immutability.ts
var NOT_IMMUTABLE = /* @__PURE__ */ new Set([
  "pg_sleep",
  "pg_sleep_for",
  "pg_sleep_until",
  "dblink",
  "dblink_exec",
  "dblink_connect",
  "dblink_connect_u",
  "dblink_send_query",
  "dblink_open",
  "dblink_fetch",
  "pg_read_file",
  "pg_read_binary_file",
  "pg_ls_dir",
  "pg_stat_file",
  "lo_import",
  "lo_export",
  "lo_unlink",
  "pg_terminate_backend",
  "pg_cancel_backend",
  "pg_reload_conf",
  "pg_rotate_logfile",
  "pg_notify",
  "set_config",
  "current_setting",
  "nextval",
  "setval",
  "currval",
  "lastval",
  "pg_advisory_lock",
  "pg_advisory_xact_lock",
  "pg_try_advisory_lock",
  "pg_advisory_unlock",
  "random",
  "random_normal",
  "gen_random_uuid",
  "uuid_generate_v4",
  "now",
  "clock_timestamp",
  "statement_timestamp",
  "transaction_timestamp",
  "timeofday",
  "txid_current",
  "pg_current_xact_id",
  "query_to_xml",
  "pg_backend_pid",
  "inet_client_addr"
]);
function findNonImmutable(indexStmt) {
  const roots = [...indexStmt?.indexParams ?? [], ...indexStmt?.whereClause ? [indexStmt.whereClause] : []];
  for (const root of roots) {
    const found = walk(root);
    if (found) return found;
  }
  return void 0;
}
function walk(node) {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = walk(item);
      if (found) return found;
    }
    return void 0;
  }
  if (node === null || typeof node !== "object") return void 0;
  const record = node;
  const call = record.FuncCall;
  if (call) {
    const name = call.funcname?.at(-1)?.String?.sval?.toLowerCase();
    if (name && NOT_IMMUTABLE.has(name)) return `calls ${name}(), which is not immutable`;
  }
  if (record.SQLValueFunction) {
    const op = String(record.SQLValueFunction.op ?? "").replace(/^SVFOP_/, "");
    return `uses ${op}, which is not immutable`;
  }
  if (record.SubLink) return "holds a subquery";
  for (const value of Object.values(record)) {
    const found = walk(value);
    if (found) return found;
  }
  return void 0;
}

// src/registry/validate.ts
var KNOWN_KEYS = ["name", "sql", "critical", "description"];
function validateRegistry(registry, file, locate) {
  if (!Array.isArray(registry)) {
    const found = registry === null ? "null" : typeof registry;
    return {
      entries: [],
      problems: [
        {
          code: "not-an-array",
          location: { file, line: locate(-1) },
          message: `the registry must be an array of index definitions, found ${found}`,
          fix: "write: export default defineIndexes([...])"
        }
      ]
    };
  }
  const entries = [];
  const positions = [];
  const problems = [];
  registry.forEach((raw, i) => {
    const location = { file, line: locate(i) };
    const result = validateEntry(raw, i, location);
    if (isEntryProblem(result)) {
      problems.push({ ...result, location, entry: i });
    } else {
      entries.push(result);
      positions.push(i);
    }
  });
  problems.push(...findDuplicateNames(entries, positions));
  problems.sort((a, b) => a.location.line - b.location.line);
  return { entries, problems };
}
function validateEntry(raw, index, location) {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { code: "entry-not-object", message: `entry ${index + 1} must be an object with name and sql`, fix: "write { name, sql, critical, description }" };
  }
  const def = raw;
  const label = typeof def.name === "string" && def.name !== "" ? def.name : `entry ${index + 1}`;
  const problem = (code, field, message, fix) => ({
    code,
    ...field ? { field } : {},
    message: `${label}: ${message}`,
    ...fix ? { fix } : {}
  });
  const unknownKey = Object.keys(def).find((key) => !KNOWN_KEYS.includes(key));
  if (unknownKey) return problem("unknown-key", unknownKey, `unknown key "${unknownKey}"`, `remove it, or write one of ${KNOWN_KEYS.join(", ")}`);
  if (typeof def.name !== "string" || def.name.trim() === "") {
    return problem("missing-name", "name", '"name" must be a non-empty string', "write the index name, as in the sql");
  }
  if (typeof def.sql !== "string" || def.sql.trim() === "") {
    return problem("missing-sql", "sql", '"sql" must be a non-empty string', `write CREATE INDEX CONCURRENTLY IF NOT EXISTS ${def.name} ON ... (...)`);
  }
  if (def.critical !== void 0 && typeof def.critical !== "boolean") {
    return problem("invalid-critical", "critical", `"critical" must be true or false, found ${JSON.stringify(def.critical)}`, "write critical: true or critical: false");
  }
  if (def.description !== void 0 && typeof def.description !== "string") {
    return problem("invalid-description", "description", '"description" must be a string', "write what the index is for, in quotes");
  }
  const statement = readSingleIndexStatement(def.sql);
  if (!("node" in statement)) return { ...statement, field: "sql", message: `${label}: ${statement.message}` };
  const mistake = checkStatement(def.name, statement);
  if (mistake) return { ...mistake, message: `${label}: ${mistake.message}` };
  const { schema: nameSchema } = splitQualifiedName(def.name);
  return {
    name: def.name,
    sql: def.sql,
    critical: def.critical === true,
    description: def.description,
    schema: nameSchema ?? statement.tableSchema,
    indexName: statement.indexName,
    tableSchema: statement.tableSchema,
    tableName: statement.tableName,
    unique: statement.unique,
    fingerprint: definitionFingerprint(def.sql),
    location
  };
}
function readSingleIndexStatement(sql) {
  let stmts;
  try {
    stmts = parseSql(sql);
  } catch (error) {
    if (!(error instanceof SqlSyntaxError)) throw error;
    const where = error.offset === void 0 ? "" : ` (sql line ${lineOfOffset(sql, error.offset)})`;
    return { code: "sql-syntax-error", message: `sql does not parse: ${error.message}${where}` };
  }
  if (stmts.length === 0) return { code: "no-statement", message: "sql holds no statement", fix: "write one CREATE INDEX CONCURRENTLY IF NOT EXISTS statement" };
  if (stmts.length > 1) {
    return {
      code: "multiple-statements",
      message: `sql holds ${stmts.length} statements (${stmts.map((s) => describeStatementKind(s.stmt)).join(", ")})`,
      fix: "an entry holds exactly one CREATE INDEX"
    };
  }
  const statement = readIndexStatement(stmts[0].stmt);
  if (!statement) {
    return { code: "not-create-index", message: `sql is ${describeStatementKind(stmts[0].stmt)}, not CREATE INDEX`, fix: "other DDL belongs in a migration" };
  }
  return statement;
}
function checkStatement(name, statement) {
  const { schema: nameSchema, name: bareName } = splitQualifiedName(name);
  const unique = statement.unique ? "UNIQUE " : "";
  const safeForm = `write CREATE ${unique}INDEX CONCURRENTLY IF NOT EXISTS ${bareName} ON ${qualified2(statement)} (...)`;
  if (!statement.concurrent) {
    return { code: "missing-concurrently", field: "sql", message: `sql lacks CONCURRENTLY, so the build would block writes to ${statement.tableName}`, fix: safeForm };
  }
  if (!statement.ifNotExists) return { code: "missing-if-not-exists", field: "sql", message: "sql lacks IF NOT EXISTS, so a second run would fail", fix: safeForm };
  const bytes = Buffer.byteLength(bareName, "utf8");
  if (bytes > MAX_IDENTIFIER_BYTES) {
    return {
      code: "name-too-long",
      field: "name",
      message: `name "${bareName}" is ${bytes} bytes; PostgreSQL keeps only ${MAX_IDENTIFIER_BYTES}`,
      fix: `choose a name of at most ${MAX_IDENTIFIER_BYTES} bytes, in name and in sql`
    };
  }
  if (statement.indexName !== bareName) {
    const folded = statement.indexName === bareName.toLowerCase();
    return {
      code: "name-mismatch",
      field: "name",
      message: `name "${name}" differs from the index name in sql, "${statement.indexName}"${folded ? " (PostgreSQL folds unquoted names to lower case)" : ""}`,
      fix: `write name: '${nameSchema ? `${nameSchema}.` : ""}${statement.indexName}', or ${folded ? `quote "${bareName}"` : "rename the index"} in sql`
    };
  }
  if (nameSchema && statement.tableSchema && nameSchema !== statement.tableSchema) {
    return {
      code: "schema-mismatch",
      field: "name",
      message: `name says schema "${nameSchema}" but the table is in "${statement.tableSchema}"; an index always lives in its table's schema`,
      fix: `write name: '${statement.tableSchema}.${bareName}'`
    };
  }
  const impure = findNonImmutable(statement.node);
  if (impure) {
    return { code: "non-immutable", field: "sql", message: `sql ${impure}`, fix: "index expressions and predicates may only use immutable functions and values: write a fixed literal instead" };
  }
  return void 0;
}
function findDuplicateNames(entries, positions) {
  const problems = [];
  entries.forEach((entry, i) => {
    const first = entries.slice(0, i).find((other) => other.indexName === entry.indexName && sameSchema(other, entry));
    if (first) {
      problems.push({
        code: "duplicate-name",
        field: "name",
        location: entry.location,
        entry: positions[i],
        message: `${entry.name}: duplicate name; already declared at ${first.location.file}:${first.location.line}`,
        fix: "rename one, or delete the copy"
      });
    }
  });
  return problems;
}
function sameSchema(a, b) {
  return a.schema === void 0 || b.schema === void 0 || a.schema === b.schema;
}
function splitQualifiedName(name) {
  const dot = name.indexOf(".");
  return dot === -1 ? { schema: void 0, name } : { schema: name.slice(0, dot), name: name.slice(dot + 1) };
}
function qualified2(statement) {
  return statement.tableSchema ? `${statement.tableSchema}.${statement.tableName}` : statement.tableName;
}
function lineOfOffset(text, offset) {
  return text.slice(0, offset).split("\n").length;
}

// eslint-plugin/src/analysis/registry-source.ts
function registryArray(program, sourceCode) {
  for (const statement of program.body) {
    if (statement.type === "ExportDefaultDeclaration") return arrayOf(statement.declaration, sourceCode);
    if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression" && sourceCode.getText(statement.expression.left) === "module.exports") {
      return arrayOf(statement.expression.right, sourceCode);
    }
  }
  return void 0;
}
function arrayOf(node, sourceCode, depth = 0) {
  if (depth > 5) return void 0;
  switch (node.type) {
    case "ArrayExpression":
      return node;
    case "TSAsExpression":
    case "TSSatisfiesExpression":
    case "TSNonNullExpression":
      return arrayOf(node.expression, sourceCode, depth + 1);
    case "CallExpression":
      return node.arguments.length === 1 && node.arguments[0].type !== "SpreadElement" ? arrayOf(node.arguments[0], sourceCode, depth + 1) : void 0;
    case "Identifier": {
      const variable = sourceCode.getScope(node).set.get(node.name) ?? findInScopes(node, sourceCode);
      const def = variable?.defs[0];
      if (def?.type !== "Variable" || !def.node.init) return void 0;
      return arrayOf(def.node.init, sourceCode, depth + 1);
    }
    default:
      return void 0;
  }
}
function findInScopes(node, sourceCode) {
  for (let scope = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(node.name);
    if (variable) return variable;
  }
  return void 0;
}
function writtenEntries(array) {
  return array.elements.flatMap((element, index) => {
    if (element?.type !== "ObjectExpression") return [];
    const properties = /* @__PURE__ */ new Map();
    let known = true;
    const value = {};
    for (const prop of element.properties) {
      const key = prop.type === "Property" && !prop.computed ? propertyKey(prop) : void 0;
      if (prop.type !== "Property" || key === void 0) {
        known = false;
        continue;
      }
      properties.set(key, prop);
      const literal = literalValue(prop.value);
      if (literal === void 0) known = false;
      else value[key] = literal;
    }
    const line = (properties.get("name") ?? element).loc.start.line;
    return [{ index, entry: { node: element, value: known ? value : void 0, properties, line } }];
  });
}
function propertyKey(prop) {
  return prop.key.type === "Identifier" ? prop.key.name : staticString(prop.key);
}
function literalValue(node) {
  const text = staticString(node);
  if (text !== void 0) return text;
  const flag = staticBoolean(node);
  if (flag !== void 0) return flag;
  if (node.type === "Literal") return node.value === null ? null : node.value;
  return void 0;
}

// eslint-plugin/src/rules/valid-registry.ts
var validRegistry = createRule({
  name: "valid-registry",
  meta: {
    type: "problem",
    docs: {
      description: "Check the index-builder registry with the builder's own validator",
      recommended: true
    },
    fixable: "code",
    schema: [],
    ...{ languages: ["js/js"] },
    messages: {
      invalidEntry: "{{message}}",
      missingDescription: '{{name}}: "description" is missing; say what the index is for (index-builder prints it with every build).'
    }
  },
  defaultOptions: [],
  create(context) {
    const file = relative(context.cwd, context.filename) || context.filename;
    return {
      "Program:exit"(program) {
        const array = registryArray(program, context.sourceCode);
        if (!array) return;
        const entries = writtenEntries(array);
        for (const { index, entry } of entries) {
          if (!entry.value) {
            if (!entry.properties.has("description")) reportMissingDescription(context, entry);
            continue;
          }
          const result = validateEntry(entry.value, index, { file, line: entry.line });
          if (isEntryProblem(result)) reportProblem(context, entry, result);
          else if (!result.description?.trim()) reportMissingDescription(context, entry);
        }
        reportDuplicates(context, entries.map(({ entry }) => entry), file);
      }
    };
  }
});
function reportProblem(context, entry, problem) {
  context.report({
    node: nodeFor(entry, problem),
    messageId: "invalidEntry",
    data: { message: problemText(problem) },
    fix: problem.code === "missing-concurrently" || problem.code === "missing-if-not-exists" ? keywordFix(entry) : null
  });
}
function reportMissingDescription(context, entry) {
  const name = entry.value?.name;
  context.report({
    node: entry.properties.get("description")?.value ?? entry.properties.get("name")?.value ?? entry.node,
    messageId: "missingDescription",
    data: { name: typeof name === "string" && name ? name : "this entry" }
  });
}
function reportDuplicates(context, entries, file) {
  const known = entries.filter((entry) => entry.value);
  const { problems } = validateRegistry(
    known.map((entry) => entry.value),
    file,
    (i) => known[i]?.line ?? 1
  );
  for (const problem of problems) {
    const entry = problem.entry === void 0 ? void 0 : known[problem.entry];
    if (problem.code !== "duplicate-name" || !entry) continue;
    context.report({ node: nodeFor(entry, problem), messageId: "invalidEntry", data: { message: problemText(problem) } });
  }
}
function nodeFor(entry, problem) {
  const property2 = problem.field === void 0 ? void 0 : entry.properties.get(problem.field);
  if (!property2) return entry.node;
  return problem.code === "unknown-key" ? property2.key : property2.value;
}
function keywordFix(entry) {
  const node = entry.properties.get("sql")?.value;
  if (!node) return null;
  let raw;
  if (node.type === "Literal" && typeof node.value === "string") raw = node.raw.slice(1, -1);
  else if (node.type === "TemplateLiteral" && node.expressions.length === 0) raw = node.quasis[0].value.raw;
  else return null;
  const decoded = decodeJsText(raw, node.range[0] + 1);
  const insertion = missingKeywordsInsertion(decoded.text);
  if (!insertion) return null;
  const at = decoded.offsets[insertion.offset] ?? node.range[1] - 1;
  return (fixer) => fixer.insertTextBeforeRange([at, at], insertion.text);
}

// eslint-plugin/src/index.ts
var plugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: NAMESPACE },
  rules: {
    "no-index-in-migration": noIndexInMigration,
    "valid-registry": validRegistry
  },
  languages: {
    sql: new SqlLanguage()
  },
  configs: {}
};
plugin.configs.recommended = recommendedConfig(plugin);
var index_default = plugin;
export {
  SqlLanguage,
  index_default as default,
  noIndexInMigration,
  validRegistry
};
