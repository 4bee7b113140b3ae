// Single-precision matrix products with f32x4 SIMD for the shapes a recurrent network needs.
//
// C[m×n] = (acc ? C : 0) + A·B. Element (i, kk) of A lies at a + 4·(i·sAi + kk·sAk) and element
// (kk, j) of B at b + 4·(kk·sBk + j·sBj), so one routine serves A·B, Aᵀ·B (the weight
// gradients summed over all steps) and A·Bᵀ (dG·Uᵀ, dG·Wᵀ) without materialising a transpose.
// C is dense row-major [m×n].
//
// The fast path copies B into panels of 8 columns ("packing"): within a depth block of KC rows
// of B, panel p holds B[k0..k0+kc, 8p..8p+7] as kc contiguous 32-byte rows; the last panel is
// 4 or 8 wide and zero-padded past column n. Packed, the micro-kernel reads B with unit
// stride whatever B's layout, a kc×8 panel (8 KiB) stays in L1 while every row block of A
// sweeps it, and wide row-major B (4·units columns, 4 KiB apart at units = 256) no longer maps
// all of a panel's rows onto the same L1 sets. The recurrent matrix is the same at every step,
// so the sequence loops pack it once per call (packB + gemmPacked) instead of once per step.

@inline function fma(acc: v128, a: v128, b: v128): v128 {
  // Plain mul + add: fused multiply-add is only in relaxed SIMD, which Node 20 lacks.
  return f32x4.add(acc, f32x4.mul(a, b));
}

// Depth of one block of packed B: a 256 × 8 panel (8 KiB) stays in L1 next to the A rows it
// meets, and the products with k = batch·T (weight gradients) need only a KC-deep scratch.
const KC = 256;
// Panel width: two f32x4. With 4 rows that is 8 accumulators + 2 B vectors + 1 splat of A,
// well inside the 15 xmm registers V8 allocates on x64 (6 rows would need all 15 and spills).
const NR = 8;
const MR = 4;

// Edge tiles (fewer than 8 valid columns) run in this dense 4×8 buffer and are copied back, so
// the micro-kernels never need a masked store.
const EDGE: usize = memory.data(MR * NR * 4, 16);

// Packed width of n columns: whole 8-wide panels, then a last panel 4 wide when at most 4
// columns are left (units 50 and 75 leave 2 and 3 in dG·Uᵀ), so the zero padding that the
// edge computes for nothing is at most 3 columns instead of 7.
@inline function padN(n: i32): i32 {
  const rem = n & 7;
  return (n & ~7) + (rem == 0 ? 0 : rem <= 4 ? 4 : 8);
}

/** Floats packB writes for a [k×n] B: k·(n padded to the panel widths). */
export function packedSize(n: i32, k: i32): i32 {
  return k * padN(n);
}

/** Scratch floats `gemm` needs for an n-column product of depth k (one packed depth block). */
export function gemmScratchSize(n: i32, k: i32): i32 {
  return packedSize(n, min(k, KC));
}

// One depth block [kc × n] of B into panels at dst ([panel][kc][8], zero-padded).
function packBlock(b: usize, n: i32, kc: i32, sBk: i32, sBj: i32, dst: usize): void {
  const n8 = n & ~7;
  const stepK = (<usize>sBk) << 2;
  let d = dst;
  if (sBj == 1) {
    // Row-contiguous B: each panel row is two unaligned vector loads.
    for (let j = 0; j < n8; j += 8) {
      let p = b + ((<usize>j) << 2);
      for (let kk = 0; kk < kc; kk++) {
        v128.store(d, v128.load(p));
        v128.store(d, v128.load(p, 16), 16);
        d += 32;
        p += stepK;
      }
    }
  } else {
    // Transposed B (a column of B is contiguous when sBk = 1): read each column along k and
    // scatter into the panel; it runs once per call, not per step.
    const stepJ = (<usize>sBj) << 2;
    for (let j = 0; j < n8; j += 8) {
      for (let jj = 0; jj < 8; jj++) {
        let p = b + <usize>(j + jj) * stepJ;
        let q = d + ((<usize>jj) << 2);
        for (let kk = 0; kk < kc; kk++) {
          store<f32>(q, load<f32>(p));
          p += stepK;
          q += 32;
        }
      }
      d += <usize>kc * 32;
    }
  }
  if (n8 < n) {
    // Last panel, 4 or 8 wide (padN), zero-padded.
    const w: usize = n - n8 <= 4 ? 16 : 32;
    const stepJ = (<usize>sBj) << 2;
    memory.fill(d, 0, <usize>kc * w);
    for (let j = n8; j < n; j++) {
      let p = b + <usize>j * stepJ;
      let q = d + ((<usize>(j - n8)) << 2);
      for (let kk = 0; kk < kc; kk++) {
        store<f32>(q, load<f32>(p));
        p += stepK;
        q += w;
      }
    }
  }
}

/**
 * Packs B (element (kk, j) at b + 4·(kk·sBk + j·sBj)) for gemmPacked: depth blocks of KC rows,
 * each [panels][kc][8] (the last panel possibly [kc][4]). dst needs packedSize(n, k) floats.
 */
export function packB(b: usize, n: i32, k: i32, sBk: i32, sBj: i32, dst: usize): void {
  const npad = (<usize>padN(n)) << 2;
  for (let k0 = 0; k0 < k; k0 += KC) {
    packBlock(b + <usize>k0 * ((<usize>sBk) << 2), n, min(KC, k - k0), sBk, sBj, dst + <usize>k0 * npad);
  }
}

// 4 rows of A × one 8-column panel, kc deep. pb advances 32 bytes per k (packed).
@inline function kernel4x8(a: usize, pb: usize, c: usize, kc: i32, strideA: usize, stepA: usize, rowC: usize, acc: i32): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  if (acc) {
    c00 = v128.load(c); c01 = v128.load(c, 16);
    c10 = v128.load(c + rowC); c11 = v128.load(c + rowC, 16);
    c20 = v128.load(c + 2 * rowC); c21 = v128.load(c + 2 * rowC, 16);
    c30 = v128.load(c + 3 * rowC); c31 = v128.load(c + 3 * rowC, 16);
  }
  let pa = a;
  let p = pb;
  const end = pb + (<usize>kc << 5);
  const s2 = strideA << 1;
  const s3 = s2 + strideA;
  while (p < end) {
    const b0 = v128.load(p);
    const b1 = v128.load(p, 16);
    let av = v128.load32_splat(pa);
    c00 = fma(c00, av, b0); c01 = fma(c01, av, b1);
    av = v128.load32_splat(pa + strideA);
    c10 = fma(c10, av, b0); c11 = fma(c11, av, b1);
    av = v128.load32_splat(pa + s2);
    c20 = fma(c20, av, b0); c21 = fma(c21, av, b1);
    av = v128.load32_splat(pa + s3);
    c30 = fma(c30, av, b0); c31 = fma(c31, av, b1);
    pa += stepA;
    p += 32;
  }
  v128.store(c, c00); v128.store(c, c01, 16);
  v128.store(c + rowC, c10); v128.store(c + rowC, c11, 16);
  v128.store(c + 2 * rowC, c20); v128.store(c + 2 * rowC, c21, 16);
  v128.store(c + 3 * rowC, c30); v128.store(c + 3 * rowC, c31, 16);
}

@inline function kernel1x8(a: usize, pb: usize, c: usize, kc: i32, stepA: usize, acc: i32): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  if (acc) { c00 = v128.load(c); c01 = v128.load(c, 16); }
  let pa = a;
  let p = pb;
  const end = pb + (<usize>kc << 5);
  while (p < end) {
    const av = v128.load32_splat(pa);
    c00 = fma(c00, av, v128.load(p)); c01 = fma(c01, av, v128.load(p, 16));
    pa += stepA;
    p += 32;
  }
  v128.store(c, c00); v128.store(c, c01, 16);
}

// The 4-wide last panel: pb advances 16 bytes per k.
@inline function kernel4x4(a: usize, pb: usize, c: usize, kc: i32, strideA: usize, stepA: usize, rowC: usize, acc: i32): void {
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0), c3 = f32x4.splat(0);
  if (acc) {
    c0 = v128.load(c); c1 = v128.load(c + rowC); c2 = v128.load(c + 2 * rowC); c3 = v128.load(c + 3 * rowC);
  }
  let pa = a;
  let p = pb;
  const end = pb + (<usize>kc << 4);
  const s2 = strideA << 1;
  const s3 = s2 + strideA;
  while (p < end) {
    const b0 = v128.load(p);
    c0 = fma(c0, v128.load32_splat(pa), b0);
    c1 = fma(c1, v128.load32_splat(pa + strideA), b0);
    c2 = fma(c2, v128.load32_splat(pa + s2), b0);
    c3 = fma(c3, v128.load32_splat(pa + s3), b0);
    pa += stepA;
    p += 16;
  }
  v128.store(c, c0); v128.store(c + rowC, c1); v128.store(c + 2 * rowC, c2); v128.store(c + 3 * rowC, c3);
}

@inline function kernel1x4(a: usize, pb: usize, c: usize, kc: i32, stepA: usize, acc: i32): void {
  let c0 = acc ? v128.load(c) : f32x4.splat(0);
  let pa = a;
  let p = pb;
  const end = pb + (<usize>kc << 4);
  while (p < end) {
    c0 = fma(c0, v128.load32_splat(pa), v128.load(p));
    pa += stepA;
    p += 16;
  }
  v128.store(c, c0);
}

// Copies rows × cols floats between a [·×rowC-byte] matrix and the edge tile (rows w bytes).
function edgeIn(c: usize, rowC: usize, rows: i32, cols: i32, w: usize): void {
  for (let r = 0; r < rows; r++) memory.copy(EDGE + <usize>r * w, c + <usize>r * rowC, (<usize>cols) << 2);
}
function edgeOut(c: usize, rowC: usize, rows: i32, cols: i32, w: usize): void {
  for (let r = 0; r < rows; r++) memory.copy(c + <usize>r * rowC, EDGE + <usize>r * w, (<usize>cols) << 2);
}

// C (+)= A[:, k0..k0+kc] · (one packed depth block at blk). Panels outermost: each panel is
// loaded into L1 once and reused by all m rows of A.
function panelLoop(a: usize, blk: usize, c: usize, m: i32, n: i32, kc: i32, strideA: usize, stepA: usize, acc: i32): void {
  const rowC = (<usize>n) << 2;
  const m4 = m & ~3;
  const panelBytes = <usize>kc << 5;
  let pb = blk;
  for (let j = 0; j < n; j += NR) {
    const cj = c + ((<usize>j) << 2);
    const nr = min(NR, n - j);
    if (nr == NR) {
      let i = 0;
      for (; i < m4; i += MR) kernel4x8(a + <usize>i * strideA, pb, cj + <usize>i * rowC, kc, strideA, stepA, rowC, acc);
      for (; i < m; i++) kernel1x8(a + <usize>i * strideA, pb, cj + <usize>i * rowC, kc, stepA, acc);
    } else if (nr == 4) {
      // A 4-wide last panel needs no edge tile.
      let i = 0;
      for (; i < m4; i += MR) kernel4x4(a + <usize>i * strideA, pb, cj + <usize>i * rowC, kc, strideA, stepA, rowC, acc);
      for (; i < m; i++) kernel1x4(a + <usize>i * strideA, pb, cj + <usize>i * rowC, kc, stepA, acc);
    } else if (nr < 4) {
      let i = 0;
      for (; i < m4; i += MR) {
        if (acc) edgeIn(cj + <usize>i * rowC, rowC, MR, nr, 16);
        kernel4x4(a + <usize>i * strideA, pb, EDGE, kc, strideA, stepA, 16, acc);
        edgeOut(cj + <usize>i * rowC, rowC, MR, nr, 16);
      }
      for (; i < m; i++) {
        if (acc) edgeIn(cj + <usize>i * rowC, rowC, 1, nr, 16);
        kernel1x4(a + <usize>i * strideA, pb, EDGE, kc, stepA, acc);
        edgeOut(cj + <usize>i * rowC, rowC, 1, nr, 16);
      }
    } else {
      let i = 0;
      for (; i < m4; i += MR) {
        if (acc) edgeIn(cj + <usize>i * rowC, rowC, MR, nr, 32);
        kernel4x8(a + <usize>i * strideA, pb, EDGE, kc, strideA, stepA, 32, acc);
        edgeOut(cj + <usize>i * rowC, rowC, MR, nr, 32);
      }
      for (; i < m; i++) {
        if (acc) edgeIn(cj + <usize>i * rowC, rowC, 1, nr, 32);
        kernel1x8(a + <usize>i * strideA, pb, EDGE, kc, stepA, acc);
        edgeOut(cj + <usize>i * rowC, rowC, 1, nr, 32);
      }
    }
    pb += nr <= 4 ? panelBytes >> 1 : panelBytes;
  }
}

/** C = (acc ? C : 0) + A·B with B already packed by packB (same n and k). */
export function gemmPacked(a: usize, bp: usize, c: usize, m: i32, n: i32, k: i32, sAi: i32, sAk: i32, acc: i32): void {
  const strideA = (<usize>sAi) << 2;
  const stepA = (<usize>sAk) << 2;
  const npad = (<usize>padN(n)) << 2;
  for (let k0 = 0; k0 < k; k0 += KC) {
    panelLoop(a + <usize>k0 * stepA, bp + <usize>k0 * npad, c, m, n, min(KC, k - k0), strideA, stepA, acc | (k0 > 0 ? 1 : 0));
  }
}

/**
 * C = (acc ? C : 0) + A·B for any strides of A and B. Narrow outputs (n < 8 with A and Bᵀ
 * row-contiguous: dx = dG·Wᵀ for a few features) run as dot products along k; very short A
 * (m < 4 with B row-contiguous: dW = xᵀ·dG for a few features) streams B rows once; everything
 * else packs B one depth block at a time into `scratch` (gemmScratchSize(n, k) floats).
 */
export function gemm(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, sAi: i32, sAk: i32, sBk: i32, sBj: i32, acc: i32, scratch: usize): void {
  if (n < NR && sAk == 1 && sBk == 1) {
    gemmDot(a, b, c, m, n, k, sAi, sBj, acc);
    return;
  }
  if (m < MR && sBj == 1) {
    gemmRows(a, b, c, m, n, k, sAi, sAk, sBk, acc);
    return;
  }
  const strideA = (<usize>sAi) << 2;
  const stepA = (<usize>sAk) << 2;
  for (let k0 = 0; k0 < k; k0 += KC) {
    const kc = min(KC, k - k0);
    packBlock(b + <usize>k0 * ((<usize>sBk) << 2), n, kc, sBk, sBj, scratch);
    panelLoop(a + <usize>k0 * stepA, scratch, c, m, n, kc, strideA, stepA, acc | (k0 > 0 ? 1 : 0));
  }
}

// C[i, j] (+)= Σ_kk A[i, kk]·Bt[j, kk], Bt row j at b + 4·j·sBj, four lanes of k at a time.
function gemmDot(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, sAi: i32, sBj: i32, acc: i32): void {
  const k4 = k & ~3;
  const rowC = (<usize>n) << 2;
  for (let i = 0; i < m; i++) {
    const pa = a + ((<usize>i * <usize>sAi) << 2);
    for (let j = 0; j < n; j++) {
      const pb = b + ((<usize>j * <usize>sBj) << 2);
      let v = f32x4.splat(0);
      let kk = 0;
      for (; kk < k4; kk += 4) {
        const o = (<usize>kk) << 2;
        v = fma(v, v128.load(pa + o), v128.load(pb + o));
      }
      let s: f32 = f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
      for (; kk < k; kk++) s += load<f32>(pa + ((<usize>kk) << 2)) * load<f32>(pb + ((<usize>kk) << 2));
      const pc = c + <usize>i * rowC + ((<usize>j) << 2);
      store<f32>(pc, acc ? load<f32>(pc) + s : s);
    }
  }
}

// Row i of C (+)= Σ_kk A[i, kk]·B[kk, :], B rows contiguous. Four k at a time per load/store
// of C, added in k order so the rounding matches the packed kernels and the JavaScript path.
function gemmRows(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, sAi: i32, sAk: i32, sBk: i32, acc: i32): void {
  const rowC = (<usize>n) << 2;
  const n4 = n & ~3;
  const k4 = k & ~3;
  const stepA = (<usize>sAk) << 2;
  const stepB = (<usize>sBk) << 2;
  for (let i = 0; i < m; i++) {
    const pc = c + <usize>i * rowC;
    if (!acc) memory.fill(pc, 0, rowC);
    const ai = a + ((<usize>i * <usize>sAi) << 2);
    let kk = 0;
    for (; kk < k4; kk += 4) {
      const pa = ai + <usize>kk * stepA;
      const a0 = v128.load32_splat(pa), a1 = v128.load32_splat(pa + stepA);
      const a2 = v128.load32_splat(pa + 2 * stepA), a3 = v128.load32_splat(pa + 3 * stepA);
      const b0 = b + <usize>kk * stepB;
      const b1 = b0 + stepB, b2 = b1 + stepB, b3 = b2 + stepB;
      let j = 0;
      for (; j < n4; j += 4) {
        const o = (<usize>j) << 2;
        let v = v128.load(pc + o);
        v = fma(v, a0, v128.load(b0 + o));
        v = fma(v, a1, v128.load(b1 + o));
        v = fma(v, a2, v128.load(b2 + o));
        v = fma(v, a3, v128.load(b3 + o));
        v128.store(pc + o, v);
      }
      for (; j < n; j++) {
        const o = (<usize>j) << 2;
        let s = load<f32>(pc + o);
        s += f32x4.extract_lane(a0, 0) * load<f32>(b0 + o);
        s += f32x4.extract_lane(a1, 0) * load<f32>(b1 + o);
        s += f32x4.extract_lane(a2, 0) * load<f32>(b2 + o);
        s += f32x4.extract_lane(a3, 0) * load<f32>(b3 + o);
        store<f32>(pc + o, s);
      }
    }
    for (; kk < k; kk++) {
      const av = v128.load32_splat(ai + <usize>kk * stepA);
      const bk = b + <usize>kk * stepB;
      let j = 0;
      for (; j < n4; j += 4) {
        const o = (<usize>j) << 2;
        v128.store(pc + o, fma(v128.load(pc + o), av, v128.load(bk + o)));
      }
      for (; j < n; j++) {
        const o = (<usize>j) << 2;
        store<f32>(pc + o, load<f32>(pc + o) + f32x4.extract_lane(av, 0) * load<f32>(bk + o));
      }
    }
  }
}

/** dst[j] += Σ_i src[i, j] over a dense [rows × cols] matrix: the bias gradient. */
export function colSumAccumulate(src: usize, rows: i32, cols: i32, dst: usize): void {
  const c4 = cols & ~3;
  const row = (<usize>cols) << 2;
  for (let j = 0; j < c4; j += 4) {
    let s = v128.load(dst + ((<usize>j) << 2));
    let p = src + ((<usize>j) << 2);
    for (let i = 0; i < rows; i++) {
      s = f32x4.add(s, v128.load(p));
      p += row;
    }
    v128.store(dst + ((<usize>j) << 2), s);
  }
  for (let j = c4; j < cols; j++) {
    let s = load<f32>(dst + ((<usize>j) << 2));
    let p = src + ((<usize>j) << 2);
    for (let i = 0; i < rows; i++) {
      s += load<f32>(p);
      p += row;
    }
    store<f32>(dst + ((<usize>j) << 2), s);
  }
}
