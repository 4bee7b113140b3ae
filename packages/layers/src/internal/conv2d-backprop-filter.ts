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

/** The geometry of a convolution from tfjs's own description of it. */
export function conv2dGeometry(info: {
  batchSize: number; inHeight: number; inWidth: number; inChannels: number;
  outHeight: number; outWidth: number; outChannels: number;
  filterHeight: number; filterWidth: number; strideHeight: number; strideWidth: number;
  padInfo: { top: number; left: number }; dataFormat: string;
}): Conv2dGeometry {
  return {
    batchSize: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    outChannels: info.outChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
    channelsLast: info.dataFormat === 'channelsLast',
  };
}

/**
 * The gradient of a 2-D convolution with respect to its filter, on plain arrays:
 * dW[r, c, i, o] = Σ_{b, y, x} x[b, y·sh + r − pt, x·sw + c − pl, i] · dy[b, y, x, o].
 * Channels-last input (what Conv2D layers use) takes {@link conv2dBackpropFilterNhwc}; channels
 * first the general loop.
 *
 * @returns dW of shape `[filterHeight, filterWidth, inChannels, outChannels]`
 */
export function conv2dBackpropFilter(x: ArrayLike<number>, dy: ArrayLike<number>, g: Conv2dGeometry): Float32Array {
  if (g.channelsLast && x instanceof Float32Array && dy instanceof Float32Array) return conv2dBackpropFilterNhwc(x, dy, g);
  return conv2dBackpropFilterGeneral(x, dy, g);
}

/** First output index `o` in [0, outSize) whose input index o·stride + tap − pad is ≥ 0. */
function firstValid(tap: number, pad: number, stride: number): number {
  const need = pad - tap; // o·stride ≥ need
  return need <= 0 ? 0 : Math.ceil(need / stride);
}

/** One past the last output index whose input index o·stride + tap − pad is < inSize. */
function endValid(tap: number, pad: number, stride: number, inSize: number, outSize: number): number {
  const lim = inSize - 1 + pad - tap; // o·stride ≤ lim
  if (lim < 0) return 0;
  return Math.min(outSize, Math.floor(lim / stride) + 1);
}

/**
 * Channels-last filter gradient, organised for speed on the CNN-LSTM's shapes (B8: 1,600
 * frames of 50×50×1, 2×2 kernel, 2 filters, where the old per-position loop with float64
 * array accumulators and bounds checks per tap took a large share of a training step).
 * Each (tap, input channel, block of ≤ 4 output channels) is one pass over the whole batch:
 * the valid output rows/cols of the tap are computed up front so the inner loop has no
 * branches, and the sums live in local variables (JS numbers, i.e. float64, so accumulating
 * millions of terms stays as accurate as before) instead of array slots.
 */
function conv2dBackpropFilterNhwc(x: Float32Array, dy: Float32Array, g: Conv2dGeometry): Float32Array {
  const { batchSize, inHeight, inWidth, inChannels: ci, outHeight, outWidth, outChannels: co } = g;
  const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw, padTop: pt, padLeft: pl } = g;
  const out = new Float32Array(fh * fw * ci * co);
  const xRow = inWidth * ci;
  const xImg = inHeight * xRow;
  const yRow = outWidth * co;
  const yImg = outHeight * yRow;
  const xStep = sw * ci; // x advance per output column
  for (let wr = 0; wr < fh; wr++) {
    const y0 = firstValid(wr, pt, sh);
    const y1 = endValid(wr, pt, sh, inHeight, outHeight);
    for (let wc = 0; wc < fw; wc++) {
      const c0 = firstValid(wc, pl, sw);
      const c1 = endValid(wc, pl, sw, inWidth, outWidth);
      if (y0 >= y1 || c0 >= c1) continue;
      const cols = c1 - c0;
      const tapBase = (wr * fw + wc) * ci * co;
      for (let i = 0; i < ci; i++) {
        for (let o = 0; o < co; o += 4) {
          const n = Math.min(4, co - o);
          let s0 = 0;
          let s1 = 0;
          let s2 = 0;
          let s3 = 0;
          for (let b = 0; b < batchSize; b++) {
            for (let yr = y0; yr < y1; yr++) {
              // Input index of (b, xr, xc, i) for the first valid column; dy of (b, yr, c0, o).
              let xi = b * xImg + (yr * sh + wr - pt) * xRow + (c0 * sw + wc - pl) * ci + i;
              let di = b * yImg + yr * yRow + c0 * co + o;
              const dEnd = di + cols * co;
              // Specialised by block width so each inner loop is straight-line code.
              if (n === 1) {
                for (; di < dEnd; di += co, xi += xStep) s0 += x[xi] * dy[di];
              } else if (n === 2) {
                for (; di < dEnd; di += co, xi += xStep) {
                  const xv = x[xi];
                  s0 += xv * dy[di];
                  s1 += xv * dy[di + 1];
                }
              } else if (n === 3) {
                for (; di < dEnd; di += co, xi += xStep) {
                  const xv = x[xi];
                  s0 += xv * dy[di];
                  s1 += xv * dy[di + 1];
                  s2 += xv * dy[di + 2];
                }
              } else {
                for (; di < dEnd; di += co, xi += xStep) {
                  const xv = x[xi];
                  s0 += xv * dy[di];
                  s1 += xv * dy[di + 1];
                  s2 += xv * dy[di + 2];
                  s3 += xv * dy[di + 3];
                }
              }
            }
          }
          const w = tapBase + i * co + o;
          out[w] = s0;
          if (n > 1) out[w + 1] = s1;
          if (n > 2) out[w + 2] = s2;
          if (n > 3) out[w + 3] = s3;
        }
      }
    }
  }
  return out;
}

/**
 * Any layout: loops over output positions outermost so the innermost work is a small
 * inChannels × outChannels outer product, accumulated in float64.
 */
function conv2dBackpropFilterGeneral(x: ArrayLike<number>, dy: ArrayLike<number>, g: Conv2dGeometry): Float32Array {
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
