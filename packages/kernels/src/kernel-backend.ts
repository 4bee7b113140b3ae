import { KernelOptionError } from './errors.js';
import type { Ops } from './internal/ops.js';
import { JsOps } from './internal/js-ops.js';
import { loadWasmOps, type WasmOps } from './internal/wasm-ops.js';

/** Which implementation runs the kernels: WebAssembly SIMD, or the plain JavaScript fallback. */
export type KernelBackendName = 'wasm-simd' | 'js';

/** Environment variable that forces the JavaScript path when set to `js`. */
export const KERNEL_BACKEND_ENV = 'LSTM_KIT_KERNELS';

let forced: KernelBackendName | null = null;
let wasm: WasmOps | null | undefined;
let js: JsOps | undefined;

function envChoice(): string | undefined {
  const g = globalThis as { process?: { env?: Record<string, string | undefined> } };
  return g.process?.env?.[KERNEL_BACKEND_ENV];
}

function wasmOps(): WasmOps | null {
  if (wasm === undefined) wasm = loadWasmOps();
  return wasm;
}

/** @internal The primitives for `choice` (or the active backend when omitted). */
export function opsFor(choice?: KernelBackendName): Ops {
  const name = choice ?? kernelBackend();
  if (name === 'wasm-simd') {
    const w = wasmOps();
    if (w) return w;
    throw new KernelOptionError(
      "backend 'wasm-simd' was requested but this runtime has no WebAssembly SIMD; " +
        "use backend 'js' or leave the choice to kernelBackend()",
    );
  }
  if (name === 'js') return (js ??= new JsOps());
  throw new KernelOptionError(`unknown kernel backend '${String(name)}'; expected 'wasm-simd' or 'js'`);
}

/**
 * Tells which implementation the kernels use now: `'wasm-simd'` when WebAssembly SIMD is
 * available and nothing forces JavaScript, otherwise `'js'`.
 *
 * @returns the active backend name.
 * @example
 * import { kernelBackend } from '@lstm-kit/kernels';
 * console.log(kernelBackend()); // 'wasm-simd' on Node 20+
 */
export function kernelBackend(): KernelBackendName {
  if (forced) return forced;
  if (envChoice() === 'js') return 'js';
  return wasmOps() ? 'wasm-simd' : 'js';
}

/**
 * Forces a backend for every later kernel call, or returns to automatic choice with `'auto'`.
 * Setting the environment variable `LSTM_KIT_KERNELS=js` has the same effect as `'js'`.
 *
 * @param name `'wasm-simd'`, `'js'` or `'auto'`.
 * @throws KernelOptionError for an unknown name, or `'wasm-simd'` where SIMD is unavailable.
 * @example
 * import { setKernelBackend, kernelBackend } from '@lstm-kit/kernels';
 * setKernelBackend('js');
 * kernelBackend(); // 'js'
 * setKernelBackend('auto');
 */
export function setKernelBackend(name: KernelBackendName | 'auto'): void {
  if (name === 'auto') {
    forced = null;
    return;
  }
  opsFor(name);
  forced = name;
}
