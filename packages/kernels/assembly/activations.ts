// Vectorised activations and their derivatives, selected by a numeric code shared with the
// TypeScript side (src/internal/activation-codes.ts): 0 linear, 1 tanh, 2 sigmoid, 3 relu,
// 4 hardSigmoid.

export const LINEAR = 0;
export const TANH = 1;
export const SIGMOID = 2;
export const RELU = 3;
export const HARD_SIGMOID = 4;

// Every vector constant is loaded from this table instead of written as f32x4.splat(c):
// V8 (Node 20, x64) rebuilds each v128.const with several instructions on every loop
// iteration, which made the activations cost more than the recurrent matrix product.
// Binaryen cannot fold a load back into a constant, so each one stays a single movups.
const C_MAX = 0, C_MIN = 1, C_LOG2E = 2, C_MAGIC = 3, C_LN2HI = 4, C_LN2LO = 5, C_P0 = 6;
const C_ONE = 12, C_TWO = 13, C_FIFTH = 14, C_HALF = 15, C_EXPBIAS = 16;
const CONSTS = memory.data<f32>([
  88.0, 88.0, 88.0, 88.0,
  -87.3365447504, -87.3365447504, -87.3365447504, -87.3365447504,
  1.44269504088896341, 1.44269504088896341, 1.44269504088896341, 1.44269504088896341,
  12582912.0, 12582912.0, 12582912.0, 12582912.0,
  0.693359375, 0.693359375, 0.693359375, 0.693359375,
  -2.12194440e-4, -2.12194440e-4, -2.12194440e-4, -2.12194440e-4,
  1.9875691500e-4, 1.9875691500e-4, 1.9875691500e-4, 1.9875691500e-4,
  1.3981999507e-3, 1.3981999507e-3, 1.3981999507e-3, 1.3981999507e-3,
  8.3334519073e-3, 8.3334519073e-3, 8.3334519073e-3, 8.3334519073e-3,
  4.1665795894e-2, 4.1665795894e-2, 4.1665795894e-2, 4.1665795894e-2,
  1.6666665459e-1, 1.6666665459e-1, 1.6666665459e-1, 1.6666665459e-1,
  5.0000001201e-1, 5.0000001201e-1, 5.0000001201e-1, 5.0000001201e-1,
  1.0, 1.0, 1.0, 1.0,
  2.0, 2.0, 2.0, 2.0,
  0.2, 0.2, 0.2, 0.2,
  0.5, 0.5, 0.5, 0.5,
], 16);
const EXPBIAS = memory.data<i32>([127 - 0x4B400000, 127 - 0x4B400000, 127 - 0x4B400000, 127 - 0x4B400000], 16);

@inline function K(i: i32): v128 {
  return i == C_EXPBIAS ? v128.load(EXPBIAS) : v128.load(CONSTS + ((<usize>i) << 4));
}

// exp(x) after Cephes expf: x = n·ln2 + r with |r| ≤ ln2/2, a degree-6 polynomial for e^r and
// 2^n built in the exponent bits; relative error about 2 ulp, well inside the 1e-5 budget.
// Rounding uses the 1.5·2^23 "magic number" instead of f32x4.nearest + i32x4.trunc_sat,
// which V8 lowers to long instruction sequences on x64: adding it leaves round(x·log2 e)
// in the low mantissa bits, usable both as a float and, after the exponent shift, as 2^n.
@inline function vexp(x: v128): v128 {
  // 88 keeps n ≤ 127 (finite 2^n); -87.3 keeps n ≥ -126 (normal 2^n).
  const xc = f32x4.pmax(f32x4.pmin(x, K(C_MAX)), K(C_MIN));
  const t = f32x4.add(f32x4.mul(xc, K(C_LOG2E)), K(C_MAGIC));
  const fx = f32x4.sub(t, K(C_MAGIC));
  let r = f32x4.sub(xc, f32x4.mul(fx, K(C_LN2HI)));
  r = f32x4.sub(r, f32x4.mul(fx, K(C_LN2LO)));
  let y = K(C_P0);
  y = f32x4.add(f32x4.mul(y, r), K(C_P0 + 1));
  y = f32x4.add(f32x4.mul(y, r), K(C_P0 + 2));
  y = f32x4.add(f32x4.mul(y, r), K(C_P0 + 3));
  y = f32x4.add(f32x4.mul(y, r), K(C_P0 + 4));
  y = f32x4.add(f32x4.mul(y, r), K(C_P0 + 5));
  y = f32x4.add(f32x4.mul(y, f32x4.mul(r, r)), f32x4.add(r, K(C_ONE)));
  // bits(t) = 0x4B400000 + n, so (bits(t) − 0x4B400000 + 127) << 23 is 2^n.
  const pow2n = i32x4.shl(i32x4.add(t, K(C_EXPBIAS)), 23);
  return f32x4.mul(y, pow2n);
}

@inline function vsigmoid(x: v128): v128 {
  return f32x4.div(K(C_ONE), f32x4.add(K(C_ONE), vexp(f32x4.neg(x))));
}

@inline function vtanh(x: v128): v128 {
  // 1 − 2/(e^{2x}+1) saturates cleanly to ±1 at both ends (no inf/inf); near 0 its absolute
  // error stays about 1e-7, which is what the tolerances measure.
  const e = vexp(f32x4.add(x, x));
  return f32x4.sub(K(C_ONE), f32x4.div(K(C_TWO), f32x4.add(e, K(C_ONE))));
}

/** Applies activation `code` lane-wise. */
@inline export function vact(x: v128, code: i32): v128 {
  if (code == TANH) return vtanh(x);
  if (code == SIGMOID) return vsigmoid(x);
  if (code == RELU) return f32x4.pmax(x, f32x4.splat(0));
  if (code == HARD_SIGMOID) {
    // tfjs-layers' hardSigmoid: clip(0.2·x + 0.5, 0, 1).
    return f32x4.pmin(f32x4.pmax(f32x4.add(f32x4.mul(x, K(C_FIFTH)), K(C_HALF)), f32x4.splat(0)), K(C_ONE));
  }
  return x;
}

/** Derivative of activation `code` written in terms of its output y, so the tape need not keep pre-activations. */
@inline export function vdact(y: v128, code: i32): v128 {
  if (code == TANH) return f32x4.sub(K(C_ONE), f32x4.mul(y, y));
  if (code == SIGMOID) return f32x4.mul(y, f32x4.sub(K(C_ONE), y));
  if (code == RELU) return v128.and(f32x4.gt(y, f32x4.splat(0)), K(C_ONE));
  if (code == HARD_SIGMOID) {
    return v128.and(v128.and(f32x4.gt(y, f32x4.splat(0)), f32x4.lt(y, K(C_ONE))), K(C_FIFTH));
  }
  return K(C_ONE);
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
