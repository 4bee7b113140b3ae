// Single-precision matrix product with f32x4 SIMD and 4×8 register blocking.
//
// C[m×n] = (accumulate ? C : 0) + A·B, where B is [k×n] and C is [m×n], both row-major and
// dense, and element (i, kk) of A lies at a + 4·(i·sAi + kk·sAk). Passing the strides of A
// lets one routine serve both A·B (sAi = k, sAk = 1) and Aᵀ·B (sAi = 1, sAk = rows of A), which
// are the two shapes a recurrent network needs: the per-step recurrent product and the
// weight gradients summed over every step.

@inline function fma(acc: v128, a: v128, b: v128): v128 {
  // Plain mul + add: fused multiply-add is only in relaxed SIMD, which Node 20 lacks.
  return f32x4.add(acc, f32x4.mul(a, b));
}

@inline function block4x8(a: usize, b: usize, c: usize, k: i32, strideA: usize, stepA: usize, rowB: usize, rowC: usize, acc: i32): void {
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
  let pb = b;
  const s2 = strideA << 1;
  const s3 = s2 + strideA;
  for (let kk = 0; kk < k; kk++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let av = v128.load32_splat(pa);
    c00 = fma(c00, av, b0); c01 = fma(c01, av, b1);
    av = v128.load32_splat(pa + strideA);
    c10 = fma(c10, av, b0); c11 = fma(c11, av, b1);
    av = v128.load32_splat(pa + s2);
    c20 = fma(c20, av, b0); c21 = fma(c21, av, b1);
    av = v128.load32_splat(pa + s3);
    c30 = fma(c30, av, b0); c31 = fma(c31, av, b1);
    pa += stepA;
    pb += rowB;
  }
  v128.store(c, c00); v128.store(c, c01, 16);
  v128.store(c + rowC, c10); v128.store(c + rowC, c11, 16);
  v128.store(c + 2 * rowC, c20); v128.store(c + 2 * rowC, c21, 16);
  v128.store(c + 3 * rowC, c30); v128.store(c + 3 * rowC, c31, 16);
}

@inline function block1x8(a: usize, b: usize, c: usize, k: i32, stepA: usize, rowB: usize, acc: i32): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  if (acc) { c00 = v128.load(c); c01 = v128.load(c, 16); }
  let pa = a;
  let pb = b;
  for (let kk = 0; kk < k; kk++) {
    const av = v128.load32_splat(pa);
    c00 = fma(c00, av, v128.load(pb)); c01 = fma(c01, av, v128.load(pb, 16));
    pa += stepA;
    pb += rowB;
  }
  v128.store(c, c00); v128.store(c, c01, 16);
}

@inline function block4x4(a: usize, b: usize, c: usize, k: i32, strideA: usize, stepA: usize, rowB: usize, rowC: usize, acc: i32): void {
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0), c3 = f32x4.splat(0);
  if (acc) {
    c0 = v128.load(c); c1 = v128.load(c + rowC); c2 = v128.load(c + 2 * rowC); c3 = v128.load(c + 3 * rowC);
  }
  let pa = a;
  let pb = b;
  for (let kk = 0; kk < k; kk++) {
    const b0 = v128.load(pb);
    c0 = fma(c0, v128.load32_splat(pa), b0);
    c1 = fma(c1, v128.load32_splat(pa + strideA), b0);
    c2 = fma(c2, v128.load32_splat(pa + 2 * strideA), b0);
    c3 = fma(c3, v128.load32_splat(pa + 3 * strideA), b0);
    pa += stepA;
    pb += rowB;
  }
  v128.store(c, c0); v128.store(c + rowC, c1); v128.store(c + 2 * rowC, c2); v128.store(c + 3 * rowC, c3);
}

@inline function block1x4(a: usize, b: usize, c: usize, k: i32, stepA: usize, rowB: usize, acc: i32): void {
  let c0 = acc ? v128.load(c) : f32x4.splat(0);
  let pa = a;
  let pb = b;
  for (let kk = 0; kk < k; kk++) {
    c0 = fma(c0, v128.load32_splat(pa), v128.load(pb));
    pa += stepA;
    pb += rowB;
  }
  v128.store(c, c0);
}

// Depth of one pass over B: a 256 × 8 panel of B (8 KiB) stays in L1 while every row block of
// A sweeps it; without this the weight-gradient products (k = batch·T) re-read B from L2.
const KC = 256;

/**
 * C = (acc ? C : 0) + A·B. When `bt` is non-zero it points at Bᵀ ([n×k] row-major, the
 * untransposed weight matrix) and A is row-contiguous (sAk = 1): columns beyond the last
 * multiple of 4 are then computed as dot products vectorised along k instead of scalar loops,
 * which matters for narrow outputs (dx with 1 feature, units 50 ≡ 2 mod 4).
 */
export function gemm(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, sAi: i32, sAk: i32, acc: i32, bt: usize): void {
  for (let k0 = 0; k0 < k; k0 += KC) {
    const kc = min(KC, k - k0);
    gemmPanel(a + ((<usize>k0 * <usize>sAk) << 2), b + ((<usize>k0 * <usize>n) << 2), c, m, n, kc, sAi, sAk, acc | (k0 > 0 ? 1 : 0), n & ~3);
  }
  const n4 = n & ~3;
  if (n4 == n) return;
  if (bt != 0 && sAk == 1) {
    dotTail(a, bt, c, m, n, k, sAi, acc, n4);
  } else {
    scalarTail(a, b, c, m, n, k, sAi, sAk, acc, n4);
  }
}

// C[i, j] (+)= Σ_kk A[i, kk]·Bt[j, kk] for j ≥ j0, four lanes of k at a time.
function dotTail(a: usize, bt: usize, c: usize, m: i32, n: i32, k: i32, sAi: i32, acc: i32, j0: i32): void {
  const k4 = k & ~3;
  const rowC = (<usize>n) << 2;
  for (let i = 0; i < m; i++) {
    const pa = a + ((<usize>i * <usize>sAi) << 2);
    for (let j = j0; j < n; j++) {
      const pb = bt + ((<usize>j * <usize>k) << 2);
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

function scalarTail(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, sAi: i32, sAk: i32, acc: i32, j0: i32): void {
  const rowB = (<usize>n) << 2;
  const strideA = (<usize>sAi) << 2;
  const stepA = (<usize>sAk) << 2;
  for (let j = j0; j < n; j++) {
    for (let i = 0; i < m; i++) {
      const pc = c + <usize>i * rowB + ((<usize>j) << 2);
      let s: f32 = acc ? load<f32>(pc) : 0;
      let pa = a + <usize>i * strideA;
      let pb = b + ((<usize>j) << 2);
      for (let kk = 0; kk < k; kk++) {
        s += load<f32>(pa) * load<f32>(pb);
        pa += stepA;
        pb += rowB;
      }
      store<f32>(pc, s);
    }
  }
}

// The SIMD part of the product: columns [0, nVec), nVec a multiple of 4.
function gemmPanel(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, sAi: i32, sAk: i32, acc: i32, nVec: i32): void {
  const n8 = nVec & ~7;
  const n4 = nVec;
  const m4 = m & ~3;
  const rowB = (<usize>n) << 2;
  const rowC = rowB;
  const strideA = (<usize>sAi) << 2;
  const stepA = (<usize>sAk) << 2;
  for (let j = 0; j < n8; j += 8) {
    const bj = b + ((<usize>j) << 2);
    let i = 0;
    for (; i < m4; i += 4) {
      block4x8(a + <usize>i * strideA, bj, c + <usize>i * rowC + ((<usize>j) << 2), k, strideA, stepA, rowB, rowC, acc);
    }
    for (; i < m; i++) {
      block1x8(a + <usize>i * strideA, bj, c + <usize>i * rowC + ((<usize>j) << 2), k, stepA, rowB, acc);
    }
  }
  if (n4 > n8) {
    const bj = b + ((<usize>n8) << 2);
    let i = 0;
    for (; i < m4; i += 4) {
      block4x4(a + <usize>i * strideA, bj, c + <usize>i * rowC + ((<usize>n8) << 2), k, strideA, stepA, rowB, rowC, acc);
    }
    for (; i < m; i++) {
      block1x4(a + <usize>i * strideA, bj, c + <usize>i * rowC + ((<usize>n8) << 2), k, stepA, rowB, acc);
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
