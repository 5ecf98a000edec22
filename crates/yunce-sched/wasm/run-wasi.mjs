// Runs the yunce-sched CLI compiled for wasm32-wasip1 under Node's WASI, to time the engine in wasm.
// Usage: node run-wasi.mjs WASM TRACE_DIR OUT_DIR -- run --nodes /trace/... --pods /trace/... ...
// TRACE_DIR is visible to the program as /trace and OUT_DIR as /out.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import process from 'node:process';

const [wasmPath, traceDir, outDir, sep, ...args] = process.argv.slice(2);
if (!wasmPath || !traceDir || !outDir || sep !== '--') {
  console.error('usage: node run-wasi.mjs WASM TRACE_DIR OUT_DIR -- ARGS...');
  process.exit(2);
}
const wasi = new WASI({
  version: 'preview1',
  args: ['yunce-sched', ...args],
  env: {},
  preopens: { '/trace': traceDir, '/out': outDir },
  returnOnExit: true,
});
const module = await WebAssembly.compile(await readFile(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
const started = performance.now();
const code = wasi.start(instance);
console.error(`wasm wall time ${((performance.now() - started) / 1000).toFixed(2)} s, exit ${code}`);
process.exit(code);
