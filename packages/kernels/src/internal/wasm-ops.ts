import type { Ops } from './ops.js';
import { KERNELS_WASM_BASE64 } from './generated/kernels-wasm.js';

interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  gemm(a: number, b: number, c: number, m: number, n: number, k: number, sAi: number, sAk: number, sBk: number, sBj: number, acc: number, scratch: number): void;
  gemmPacked(a: number, bp: number, c: number, m: number, n: number, k: number, sAi: number, sAk: number, acc: number): void;
  packB(b: number, n: number, k: number, sBk: number, sBj: number, dst: number): void;
  packedSize(n: number, k: number): number;
  gemmScratchSize(n: number, k: number): number;
  colSumAccumulate(src: number, rows: number, cols: number, dst: number): void;
  adamUpdate(w: number, g: number, m: number, v: number, n: number, b1: number, b2: number, a1: number, a2: number, eps: number, step: number, c1: number, c2: number): void;
  lstmCellForward(...args: number[]): void;
  lstmCellBackward(...args: number[]): void;
  gruCellForward(...args: number[]): void;
  gruCellBackward(...args: number[]): void;
  rnnCellForward(...args: number[]): void;
  rnnCellBackward(...args: number[]): void;
}

function decodeBase64(b64: string): Uint8Array {
  // Buffer in Node; atob elsewhere (browsers, Deno, workers).
  const g = globalThis as { Buffer?: { from(s: string, enc: string): Uint8Array } };
  if (g.Buffer) return new Uint8Array(g.Buffer.from(b64, 'base64'));
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Compiles the embedded module, or returns null when this runtime lacks WebAssembly SIMD. */
export function loadWasmOps(): WasmOps | null {
  if (typeof WebAssembly !== 'object') return null;
  const bytes = decodeBase64(KERNELS_WASM_BASE64);
  if (!WebAssembly.validate(bytes)) return null;
  try {
    // Synchronous compile keeps the kernels' API synchronous; Node allows it at any size.
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      env: {
        abort: () => {
          throw new Error('wasm kernel aborted');
        },
      },
    });
    return new WasmOps(instance.exports as unknown as KernelExports);
  } catch {
    return null;
  }
}

const BYTES_PER_FLOAT = 4;
const PAGE = 65536;

/**
 * The WebAssembly SIMD primitives. Offsets are converted to byte pointers here; the linear
 * memory grows on demand and is kept, so repeated calls of one size allocate nothing.
 */
export class WasmOps implements Ops {
  readonly name = 'wasm-simd' as const;
  readonly base: number;
  private view: Float32Array;

  constructor(private readonly ex: KernelExports) {
    this.base = ex.heapBase() / BYTES_PER_FLOAT;
    this.view = new Float32Array(ex.memory.buffer);
  }

  reserve(end: number): Float32Array {
    const need = end * BYTES_PER_FLOAT;
    const have = this.ex.memory.buffer.byteLength;
    if (need > have) this.ex.memory.grow(Math.ceil((need - have) / PAGE));
    // grow() detaches the old ArrayBuffer, so the view must be rebuilt after it.
    if (this.view.buffer !== this.ex.memory.buffer) this.view = new Float32Array(this.ex.memory.buffer);
    return this.view;
  }

  gemm(a: number, b: number, c: number, m: number, n: number, k: number, sAi: number, sAk: number, sBk: number, sBj: number, acc: boolean, scratch: number): void {
    this.ex.gemm(a * 4, b * 4, c * 4, m, n, k, sAi, sAk, sBk, sBj, acc ? 1 : 0, scratch * 4);
  }

  gemmScratchSize(n: number, k: number): number {
    return this.ex.gemmScratchSize(n, k);
  }

  packedSize(n: number, k: number): number {
    return this.ex.packedSize(n, k);
  }

  packB(b: number, n: number, k: number, sBk: number, sBj: number, dst: number): void {
    this.ex.packB(b * 4, n, k, sBk, sBj, dst * 4);
  }

  gemmPacked(a: number, bp: number, c: number, m: number, n: number, k: number, sAi: number, sAk: number, acc: boolean): void {
    this.ex.gemmPacked(a * 4, bp * 4, c * 4, m, n, k, sAi, sAk, acc ? 1 : 0);
  }

  colSumAccumulate(src: number, rows: number, cols: number, dst: number): void {
    this.ex.colSumAccumulate(src * 4, rows, cols, dst * 4);
  }

  /**
   * Adam's update of one variable (see adam.ts): the four arrays are copied into the linear
   * memory (tfjs's heap is another module's memory), updated there, and w, m, v copied back.
   */
  adamUpdate(w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, c: readonly number[]): void {
    const n = w.length;
    // Each array starts on a 16-byte boundary so the SIMD loads are aligned.
    const stride = (n + 3) & ~3;
    const pw = this.base;
    const pg = pw + stride;
    const pm = pg + stride;
    const pv = pm + stride;
    const heap = this.reserve(pv + stride);
    heap.set(w, pw);
    heap.set(g, pg);
    heap.set(m, pm);
    heap.set(v, pv);
    this.ex.adamUpdate(pw * 4, pg * 4, pm * 4, pv * 4, n, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    w.set(heap.subarray(pw, pw + n));
    m.set(heap.subarray(pm, pm + n));
    v.set(heap.subarray(pv, pv + n));
  }

  lstmCellForward(g: number, cPrev: number, hPrev: number, cOut: number, hOut: number, mask: number, batch: number, units: number, act: number, recAct: number): void {
    this.ex.lstmCellForward(g * 4, cPrev * 4, hPrev * 4, cOut * 4, hOut * 4, mask * 4, batch, units, act, recAct);
  }

  lstmCellBackward(g: number, cPrev: number, cCur: number, dhIn: number, dOut: number, dc: number, dG: number, dhPrev: number, mask: number, batch: number, units: number, act: number, recAct: number): void {
    this.ex.lstmCellBackward(g * 4, cPrev * 4, cCur * 4, dhIn * 4, dOut * 4, dc * 4, dG * 4, dhPrev * 4, mask * 4, batch, units, act, recAct);
  }

  gruCellForward(g: number, rec: number, recBias: number, rhOut: number, hPrev: number, hOut: number, mask: number, batch: number, units: number, act: number, recAct: number): void {
    this.ex.gruCellForward(g * 4, rec * 4, recBias * 4, rhOut * 4, hPrev * 4, hOut * 4, mask * 4, batch, units, act, recAct);
  }

  gruCellBackward(g: number, rh: number, hPrev: number, dhIn: number, dOut: number, dGin: number, dGrec: number, dhPrev: number, mask: number, batch: number, units: number, act: number, recAct: number): void {
    this.ex.gruCellBackward(g * 4, rh * 4, hPrev * 4, dhIn * 4, dOut * 4, dGin * 4, dGrec * 4, dhPrev * 4, mask * 4, batch, units, act, recAct);
  }

  rnnCellForward(g: number, hPrev: number, hOut: number, mask: number, batch: number, units: number, act: number): void {
    this.ex.rnnCellForward(g * 4, hPrev * 4, hOut * 4, mask * 4, batch, units, act);
  }

  rnnCellBackward(g: number, dhIn: number, dOut: number, dG: number, dhPrev: number, mask: number, batch: number, units: number, act: number): void {
    this.ex.rnnCellBackward(g * 4, dhIn * 4, dOut * 4, dG * 4, dhPrev * 4, mask * 4, batch, units, act);
  }
}
