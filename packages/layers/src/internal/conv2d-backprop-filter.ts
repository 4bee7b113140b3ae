/** The geometry of a 2-D convolution, as tfjs's `backend_util.computeConv2DInfo` gives it. */
export interface Conv2dGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padLeft: number;
  channelsLast: boolean;
}

/**
 * The gradient of a 2-D convolution with respect to its filter, on plain arrays:
 * dW[r, c, i, o] = Σ_{b, y, x} x[b, y·sh + r − pt, x·sw + c − pl, i] · dy[b, y, x, o].
 * Loops run over the output positions outermost so the innermost work is a small
 * inChannels × outChannels outer product on contiguous memory, accumulated in float64.
 *
 * @returns dW of shape `[filterHeight, filterWidth, inChannels, outChannels]`
 */
export function conv2dBackpropFilter(x: ArrayLike<number>, dy: ArrayLike<number>, g: Conv2dGeometry): Float32Array {
  const { batchSize, inHeight, inWidth, inChannels: ci, outHeight, outWidth, outChannels: co } = g;
  const acc = new Float64Array(g.filterHeight * g.filterWidth * ci * co);
  // Element strides for the two layouts.
  const xs = g.channelsLast
    ? { b: inHeight * inWidth * ci, r: inWidth * ci, c: ci, ch: 1 }
    : { b: ci * inHeight * inWidth, r: inWidth, c: 1, ch: inHeight * inWidth };
  const ys = g.channelsLast
    ? { b: outHeight * outWidth * co, r: outWidth * co, c: co, ch: 1 }
    : { b: co * outHeight * outWidth, r: outWidth, c: 1, ch: outHeight * outWidth };
  for (let b = 0; b < batchSize; b++) {
    for (let yr = 0; yr < outHeight; yr++) {
      for (let yc = 0; yc < outWidth; yc++) {
        const dyBase = b * ys.b + yr * ys.r + yc * ys.c;
        for (let wr = 0; wr < g.filterHeight; wr++) {
          const xr = yr * g.strideHeight + wr - g.padTop;
          if (xr < 0 || xr >= inHeight) continue;
          for (let wc = 0; wc < g.filterWidth; wc++) {
            const xc = yc * g.strideWidth + wc - g.padLeft;
            if (xc < 0 || xc >= inWidth) continue;
            const xBase = b * xs.b + xr * xs.r + xc * xs.c;
            const wBase = (wr * g.filterWidth + wc) * ci * co;
            for (let i = 0; i < ci; i++) {
              const xv = x[xBase + i * xs.ch];
              if (xv === 0) continue;
              const row = wBase + i * co;
              for (let o = 0; o < co; o++) acc[row + o] += xv * dy[dyBase + o * ys.ch];
            }
          }
        }
      }
    }
  }
  return Float32Array.from(acc);
}
