/** The geometry of a 2-D max pool, channels last, as tfjs's `backend_util.computePool2DInfo` gives it. */
export interface Pool2dGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  channels: number;
  outHeight: number;
  outWidth: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padLeft: number;
}

/**
 * The gradient of a 2-D max pool (channels last), written into `dx` (which it zeroes first):
 * each window's `dy` goes to the first maximum of the window in row-major order, the rule of
 * tfjs's cpu kernel (`pixel > max`, so ties and all-NaN windows behave the same); windows that
 * overlap add up. One pass over the windows, O(outputs · window) — tfjs-backend-wasm 4.22's
 * MaxPoolGrad took ~18% of a CNN-LSTM (B8) training step for the same result.
 */
export function maxPoolGrad(x: Float32Array, dy: Float32Array, dx: Float32Array, g: Pool2dGeometry): void {
  const { batchSize, inHeight, inWidth, channels: ch, outHeight, outWidth } = g;
  const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw, padTop: pt, padLeft: pl } = g;
  dx.fill(0);
  const xRow = inWidth * ch;
  const xImg = inHeight * xRow;
  let di = 0; // dy is walked in order: (b, oy, ox, c)
  for (let b = 0; b < batchSize; b++) {
    const xb = b * xImg;
    for (let oy = 0; oy < outHeight; oy++) {
      const r0 = Math.max(0, oy * sh - pt);
      const r1 = Math.min(inHeight, oy * sh - pt + fh);
      for (let ox = 0; ox < outWidth; ox++) {
        const c0 = Math.max(0, ox * sw - pl);
        const c1 = Math.min(inWidth, ox * sw - pl + fw);
        for (let c = 0; c < ch; c++, di++) {
          let best = -Infinity;
          let at = -1;
          for (let r = r0; r < r1; r++) {
            let xi = xb + r * xRow + c0 * ch + c;
            for (let col = c0; col < c1; col++, xi += ch) {
              const v = x[xi];
              if (v > best) {
                best = v;
                at = xi;
              }
            }
          }
          if (at >= 0) dx[at] += dy[di];
        }
      }
    }
  }
}
