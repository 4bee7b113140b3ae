// Vectorised activations and their derivatives, selected by a numeric code shared with the
// TypeScript side (src/internal/activation-codes.ts): 0 linear, 1 tanh, 2 sigmoid, 3 relu,
// 4 hardSigmoid.

export const LINEAR = 0;
export const TANH = 1;
export const SIGMOID = 2;
export const RELU = 3;
export const HARD_SIGMOID = 4;

// exp(x) after Cephes expf: x = n·ln2 + r with |r| ≤ ln2/2, a degree-6 polynomial for e^r and
// 2^n built in the exponent bits; relative error about 2 ulp, well inside the 1e-5 budget.
@inline function vexp(x: v128): v128 {
  // 88 keeps n ≤ 127 (finite 2^n); -87.3 keeps n ≥ -126 (normal 2^n).
  const xc = f32x4.max(f32x4.min(x, f32x4.splat(88.0)), f32x4.splat(-87.3365447504));
  const fx = f32x4.nearest(f32x4.mul(xc, f32x4.splat(1.44269504088896341)));
  let r = f32x4.sub(xc, f32x4.mul(fx, f32x4.splat(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(fx, f32x4.splat(-2.12194440e-4)));
  let y = f32x4.splat(1.9875691500e-4);
  y = f32x4.add(f32x4.mul(y, r), f32x4.splat(1.3981999507e-3));
  y = f32x4.add(f32x4.mul(y, r), f32x4.splat(8.3334519073e-3));
  y = f32x4.add(f32x4.mul(y, r), f32x4.splat(4.1665795894e-2));
  y = f32x4.add(f32x4.mul(y, r), f32x4.splat(1.6666665459e-1));
  y = f32x4.add(f32x4.mul(y, r), f32x4.splat(5.0000001201e-1));
  y = f32x4.add(f32x4.mul(y, f32x4.mul(r, r)), f32x4.add(r, f32x4.splat(1.0)));
  const n = i32x4.trunc_sat_f32x4_s(fx);
  const pow2n = i32x4.shl(i32x4.add(n, i32x4.splat(127)), 23);
  return f32x4.mul(y, pow2n);
}

@inline function vsigmoid(x: v128): v128 {
  return f32x4.div(f32x4.splat(1.0), f32x4.add(f32x4.splat(1.0), vexp(f32x4.neg(x))));
}

@inline function vtanh(x: v128): v128 {
  // 1 − 2/(e^{2x}+1) saturates cleanly to ±1 at both ends (no inf/inf); near 0 its absolute
  // error stays about 1e-7, which is what the tolerances measure.
  const e = vexp(f32x4.add(x, x));
  return f32x4.sub(f32x4.splat(1.0), f32x4.div(f32x4.splat(2.0), f32x4.add(e, f32x4.splat(1.0))));
}

/** Applies activation `code` lane-wise. */
@inline export function vact(x: v128, code: i32): v128 {
  if (code == TANH) return vtanh(x);
  if (code == SIGMOID) return vsigmoid(x);
  if (code == RELU) return f32x4.max(x, f32x4.splat(0));
  if (code == HARD_SIGMOID) {
    // tfjs-layers' hardSigmoid: clip(0.2·x + 0.5, 0, 1).
    return f32x4.min(f32x4.max(f32x4.add(f32x4.mul(x, f32x4.splat(0.2)), f32x4.splat(0.5)), f32x4.splat(0)), f32x4.splat(1.0));
  }
  return x;
}

/** Derivative of activation `code` written in terms of its output y, so the tape need not keep pre-activations. */
@inline export function vdact(y: v128, code: i32): v128 {
  if (code == TANH) return f32x4.sub(f32x4.splat(1.0), f32x4.mul(y, y));
  if (code == SIGMOID) return f32x4.mul(y, f32x4.sub(f32x4.splat(1.0), y));
  if (code == RELU) return v128.and(f32x4.gt(y, f32x4.splat(0)), f32x4.splat(1.0));
  if (code == HARD_SIGMOID) {
    return v128.and(v128.and(f32x4.gt(y, f32x4.splat(0)), f32x4.lt(y, f32x4.splat(1.0))), f32x4.splat(0.2));
  }
  return f32x4.splat(1.0);
}

/** Loads four lanes, or one value splatted when `scalar` (the tail of a row that is not a multiple of 4). */
@inline export function ld(p: usize, scalar: bool): v128 {
  return scalar ? v128.load32_splat(p) : v128.load(p);
}

/** Stores four lanes, or lane 0 only when `scalar`, so a tail never writes past its row. */
@inline export function st(p: usize, v: v128, scalar: bool): void {
  if (scalar) v128.store32_lane(p, v, 0);
  else v128.store(p, v);
}

/** Loads an optional operand: zeros when the pointer is 0 (absent). */
@inline export function ldOpt(p: usize, base: usize, scalar: bool): v128 {
  return base != 0 ? ld(p, scalar) : f32x4.splat(0);
}
