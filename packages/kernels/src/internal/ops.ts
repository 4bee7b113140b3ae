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
   * C[m×n] = (acc ? C : 0) + A·B; A(i, kk) at a + i·sAi + kk·sAk; B [k×n], C [m×n] dense.
   * `bt`, when non-zero, holds Bᵀ [n×k] too, which lets the wasm path vectorise the columns
   * left over after the last multiple of 4 (needs sAk = 1).
   */
  gemm(a: number, b: number, c: number, m: number, n: number, k: number, sAi: number, sAk: number, acc: boolean, bt?: number): void;
  /** dst[j] += Σ_i src[i, j] over [rows × cols]. */
  colSumAccumulate(src: number, rows: number, cols: number, dst: number): void;
  lstmCellForward(g: number, cPrev: number, hPrev: number, cOut: number, hOut: number, mask: number, batch: number, units: number, act: number, recAct: number): void;
  lstmCellBackward(g: number, cPrev: number, cCur: number, dhIn: number, dOut: number, dc: number, dG: number, dhPrev: number, mask: number, batch: number, units: number, act: number, recAct: number): void;
  gruCellForward(g: number, rec: number, recBias: number, rhOut: number, hPrev: number, hOut: number, mask: number, batch: number, units: number, act: number, recAct: number): void;
  gruCellBackward(g: number, rh: number, hPrev: number, dhIn: number, dOut: number, dGin: number, dGrec: number, dhPrev: number, mask: number, batch: number, units: number, act: number, recAct: number): void;
  rnnCellForward(g: number, hPrev: number, hOut: number, mask: number, batch: number, units: number, act: number): void;
  rnnCellBackward(g: number, dhIn: number, dOut: number, dG: number, dhPrev: number, mask: number, batch: number, units: number, act: number): void;
}
