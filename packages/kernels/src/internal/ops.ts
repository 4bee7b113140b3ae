/**
 * The primitives every recurrent kernel is built from, implemented twice: in WebAssembly SIMD
 * (wasm-ops.ts) and in plain JavaScript (js-ops.ts). All arguments that name arrays are
 * element offsets into one Float32Array heap, so the sequence loops in lstm.ts, gru.ts and
 * simple-rnn.ts are written once and run on either path. Offset 0 means "absent".
 */
export interface Ops {
  readonly name: 'wasm-simd' | 'js';
  /** First usable element offset (never 0, so 0 can mean "absent"). */
  readonly base: number;
  /** Makes the heap hold at least `end` floats and returns the current view of it. */
  reserve(end: number): Float32Array;
  /**
   * C[m×n] = (acc ? C : 0) + A·B; A(i, kk) at a + i·sAi + kk·sAk, B(kk, j) at b + kk·sBk + j·sBj,
   * C [m×n] dense. Strides express Aᵀ and Bᵀ without copying them. `scratch` holds
   * `gemmScratchSize(n, k)` floats the wasm path packs B into (0 when that size is 0).
   */
  gemm(a: number, b: number, c: number, m: number, n: number, k: number, sAi: number, sAk: number, sBk: number, sBj: number, acc: boolean, scratch: number): void;
  /** Floats of scratch `gemm` needs for an n-column product of depth k. */
  gemmScratchSize(n: number, k: number): number;
  /** Floats `packB` writes for a [k×n] B. */
  packedSize(n: number, k: number): number;
  /**
   * Copies B (strides as in `gemm`) into the layout `gemmPacked` reads: done once per sequence
   * call for the recurrent matrix, which every step multiplies by.
   */
  packB(b: number, n: number, k: number, sBk: number, sBj: number, dst: number): void;
  /** C = (acc ? C : 0) + A·B with B packed by `packB` for the same n and k. */
  gemmPacked(a: number, bp: number, c: number, m: number, n: number, k: number, sAi: number, sAk: number, acc: boolean): void;
  /** dst[j] += Σ_i src[i, j] over [rows × cols]. */
  colSumAccumulate(src: number, rows: number, cols: number, dst: number): void;
  lstmCellForward(g: number, cPrev: number, hPrev: number, cOut: number, hOut: number, mask: number, batch: number, units: number, act: number, recAct: number): void;
  lstmCellBackward(g: number, cPrev: number, cCur: number, dhIn: number, dOut: number, dc: number, dG: number, dhPrev: number, mask: number, batch: number, units: number, act: number, recAct: number): void;
  gruCellForward(g: number, rec: number, recBias: number, rhOut: number, hPrev: number, hOut: number, mask: number, batch: number, units: number, act: number, recAct: number): void;
  gruCellBackward(g: number, rh: number, hPrev: number, dhIn: number, dOut: number, dGin: number, dGrec: number, dhPrev: number, mask: number, batch: number, units: number, act: number, recAct: number): void;
  rnnCellForward(g: number, hPrev: number, hOut: number, mask: number, batch: number, units: number, act: number): void;
  rnnCellBackward(g: number, dhIn: number, dOut: number, dG: number, dhPrev: number, mask: number, batch: number, units: number, act: number): void;
}
