// Adam's element-wise update, four floats per SIMD lane group. Every operation is one IEEE
// float32 operation (f32x4 add, mul, div and sqrt are correctly rounded), in the order
// tfjs's Adam runs its ops, so the results are bit-identical to tfjs's and to the JavaScript
// fallback (which rounds each double result with Math.fround: exact for +, −, ×, ÷ and √ of
// float32 operands).

/**
 * In place over n floats at byte pointers w, g, m, v:
 * m ← b1·m + a1·g;  v ← b2·v + a2·g²;  w ← w + ((m / c1) / (√(v / c2) + eps))·step.
 */
export function adamUpdate(w: usize, g: usize, m: usize, v: usize, n: i32, b1: f32, b2: f32, a1: f32, a2: f32, eps: f32, step: f32, c1: f32, c2: f32): void {
  const vb1 = f32x4.splat(b1);
  const vb2 = f32x4.splat(b2);
  const va1 = f32x4.splat(a1);
  const va2 = f32x4.splat(a2);
  const veps = f32x4.splat(eps);
  const vstep = f32x4.splat(step);
  const vc1 = f32x4.splat(c1);
  const vc2 = f32x4.splat(c2);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = (<usize>i) << 2;
    const gi = v128.load(g + o);
    const mi = f32x4.add(f32x4.mul(v128.load(m + o), vb1), f32x4.mul(gi, va1));
    const vi = f32x4.add(f32x4.mul(v128.load(v + o), vb2), f32x4.mul(f32x4.mul(gi, gi), va2));
    v128.store(m + o, mi);
    v128.store(v + o, vi);
    const root = f32x4.add(f32x4.sqrt(f32x4.div(vi, vc2)), veps);
    v128.store(w + o, f32x4.add(v128.load(w + o), f32x4.mul(f32x4.div(f32x4.div(mi, vc1), root), vstep)));
  }
  for (; i < n; i++) {
    const o = (<usize>i) << 2;
    const gi = load<f32>(g + o);
    const mi = load<f32>(m + o) * b1 + gi * a1;
    const vi = load<f32>(v + o) * b2 + gi * gi * a2;
    store<f32>(m + o, mi);
    store<f32>(v + o, vi);
    const root = sqrt<f32>(vi / c2) + eps;
    store<f32>(w + o, load<f32>(w + o) + ((mi / c1) / root) * step);
  }
}
