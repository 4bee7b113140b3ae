import type { Ops } from './ops.js';
import { applyActivation as act, activationGradFromOutput as dact } from './activation-codes.js';

/**
 * The JavaScript fallback of the kernel primitives, used where WebAssembly SIMD is missing or
 * when forced. It rounds every stored value to float32 in the same order as the wasm path
 * (same gemm summation order), so the two differ only by the activation approximations.
 */
export class JsOps implements Ops {
  readonly name = 'js' as const;
  readonly base = 4;
  private heap = new Float32Array(0);

  reserve(end: number): Float32Array {
    if (this.heap.length < end) {
      // Grow geometrically so a slowly rising size does not reallocate on every call.
      this.heap = new Float32Array(Math.max(end, Math.ceil(this.heap.length * 1.5)));
    }
    return this.heap;
  }

  gemm(a: number, b: number, c: number, m: number, n: number, k: number, sAi: number, sAk: number, sBk: number, sBj: number, acc: boolean): void {
    const h = this.heap;
    for (let i = 0; i < m; i++) {
      const ci = c + i * n;
      if (!acc) h.fill(0, ci, ci + n);
      for (let kk = 0; kk < k; kk++) {
        const av = h[a + i * sAi + kk * sAk];
        if (av === 0) continue;
        const bk = b + kk * sBk;
        if (sBj === 1) for (let j = 0; j < n; j++) h[ci + j] += av * h[bk + j];
        else for (let j = 0; j < n; j++) h[ci + j] += av * h[bk + j * sBj];
      }
    }
  }

  gemmScratchSize(): number {
    return 0;
  }

  packedSize(n: number, k: number): number {
    return n * k;
  }

  // "Packed" here is plain row-major [k×n]: the loop above reads that fastest.
  packB(b: number, n: number, k: number, sBk: number, sBj: number, dst: number): void {
    const h = this.heap;
    for (let kk = 0; kk < k; kk++) for (let j = 0; j < n; j++) h[dst + kk * n + j] = h[b + kk * sBk + j * sBj];
  }

  gemmPacked(a: number, bp: number, c: number, m: number, n: number, k: number, sAi: number, sAk: number, acc: boolean): void {
    this.gemm(a, bp, c, m, n, k, sAi, sAk, n, 1, acc);
  }

  colSumAccumulate(src: number, rows: number, cols: number, dst: number): void {
    const h = this.heap;
    for (let i = 0; i < rows; i++) {
      const r = src + i * cols;
      for (let j = 0; j < cols; j++) h[dst + j] += h[r + j];
    }
  }

  private masked(mask: number, r: number): boolean {
    return mask !== 0 && this.heap[mask + r] === 0;
  }

  private copyAdd(dst: number, a: number, b: number, n: number): void {
    const h = this.heap;
    for (let j = 0; j < n; j++) h[dst + j] = h[a + j] + (b !== 0 ? h[b + j] : 0);
  }

  lstmCellForward(g: number, cPrev: number, hPrev: number, cOut: number, hOut: number, mask: number, batch: number, units: number, a: number, ra: number): void {
    const h = this.heap;
    for (let r = 0; r < batch; r++) {
      const s = r * units;
      if (this.masked(mask, r)) {
        h.copyWithin(cOut + s, cPrev + s, cPrev + s + units);
        h.copyWithin(hOut + s, hPrev + s, hPrev + s + units);
        continue;
      }
      const p = g + 4 * s;
      for (let j = 0; j < units; j++) {
        const i = (h[p + j] = act(h[p + j], ra));
        const f = (h[p + units + j] = act(h[p + units + j], ra));
        const gg = (h[p + 2 * units + j] = act(h[p + 2 * units + j], a));
        const o = (h[p + 3 * units + j] = act(h[p + 3 * units + j], ra));
        const c = (h[cOut + s + j] = f * h[cPrev + s + j] + i * gg);
        h[hOut + s + j] = o * act(c, a);
      }
    }
  }

  lstmCellBackward(g: number, cPrev: number, cCur: number, dhIn: number, dOut: number, dcB: number, dG: number, dhPrev: number, mask: number, batch: number, units: number, a: number, ra: number): void {
    const h = this.heap;
    for (let r = 0; r < batch; r++) {
      const s = r * units;
      const p = g + 4 * s;
      const q = dG + 4 * s;
      if (this.masked(mask, r)) {
        h.fill(0, q, q + 4 * units);
        this.copyAdd(dhPrev + s, dhIn + s, dOut !== 0 ? dOut + s : 0, units);
        continue;
      }
      for (let j = 0; j < units; j++) {
        const dh = h[dhIn + s + j] + (dOut !== 0 ? h[dOut + s + j] : 0);
        const i = h[p + j];
        const f = h[p + units + j];
        const gg = h[p + 2 * units + j];
        const o = h[p + 3 * units + j];
        const ac = Math.fround(act(h[cCur + s + j], a));
        const dc = Math.fround(h[dcB + s + j] + dh * o * dact(ac, a));
        h[q + j] = dc * gg * dact(i, ra);
        h[q + units + j] = dc * h[cPrev + s + j] * dact(f, ra);
        h[q + 2 * units + j] = dc * i * dact(gg, a);
        h[q + 3 * units + j] = dh * ac * dact(o, ra);
        h[dcB + s + j] = dc * f;
        h[dhPrev + s + j] = 0;
      }
    }
  }

  gruCellForward(g: number, rec: number, recBias: number, rhOut: number, hPrev: number, hOut: number, mask: number, batch: number, units: number, a: number, ra: number): void {
    const h = this.heap;
    for (let r = 0; r < batch; r++) {
      const s = r * units;
      if (this.masked(mask, r)) {
        h.copyWithin(hOut + s, hPrev + s, hPrev + s + units);
        continue;
      }
      const p = g + 3 * s;
      const q = rec + 3 * s;
      for (let j = 0; j < units; j++) {
        const z = (h[p + j] = act(h[p + j] + h[q + j] + h[recBias + j], ra));
        const rr = (h[p + units + j] = act(h[p + units + j] + h[q + units + j] + h[recBias + units + j], ra));
        const rh = (h[rhOut + s + j] = h[q + 2 * units + j] + h[recBias + 2 * units + j]);
        const hh = (h[p + 2 * units + j] = act(h[p + 2 * units + j] + rr * rh, a));
        h[hOut + s + j] = z * h[hPrev + s + j] + (1 - z) * hh;
      }
    }
  }

  gruCellBackward(g: number, rhB: number, hPrev: number, dhIn: number, dOut: number, dGin: number, dGrec: number, dhPrev: number, mask: number, batch: number, units: number, a: number, ra: number): void {
    const h = this.heap;
    for (let r = 0; r < batch; r++) {
      const s = r * units;
      const p = g + 3 * s;
      const qi = dGin + 3 * s;
      const qr = dGrec + 3 * s;
      if (this.masked(mask, r)) {
        h.fill(0, qi, qi + 3 * units);
        h.fill(0, qr, qr + 3 * units);
        this.copyAdd(dhPrev + s, dhIn + s, dOut !== 0 ? dOut + s : 0, units);
        continue;
      }
      for (let j = 0; j < units; j++) {
        const dh = h[dhIn + s + j] + (dOut !== 0 ? h[dOut + s + j] : 0);
        const z = h[p + j];
        const rr = h[p + units + j];
        const hh = h[p + 2 * units + j];
        const dz = dh * (h[hPrev + s + j] - hh) * dact(z, ra);
        const dhh = Math.fround(dh * (1 - z) * dact(hh, a));
        const dr = dhh * h[rhB + s + j] * dact(rr, ra);
        h[qi + j] = h[qr + j] = dz;
        h[qi + units + j] = h[qr + units + j] = dr;
        h[qi + 2 * units + j] = dhh;
        h[qr + 2 * units + j] = dhh * rr;
        h[dhPrev + s + j] = dh * z;
      }
    }
  }

  rnnCellForward(g: number, hPrev: number, hOut: number, mask: number, batch: number, units: number, a: number): void {
    const h = this.heap;
    for (let r = 0; r < batch; r++) {
      const s = r * units;
      if (this.masked(mask, r)) {
        h.copyWithin(hOut + s, hPrev + s, hPrev + s + units);
        continue;
      }
      for (let j = 0; j < units; j++) h[hOut + s + j] = h[g + s + j] = act(h[g + s + j], a);
    }
  }

  rnnCellBackward(g: number, dhIn: number, dOut: number, dG: number, dhPrev: number, mask: number, batch: number, units: number, a: number): void {
    const h = this.heap;
    for (let r = 0; r < batch; r++) {
      const s = r * units;
      if (this.masked(mask, r)) {
        h.fill(0, dG + s, dG + s + units);
        this.copyAdd(dhPrev + s, dhIn + s, dOut !== 0 ? dOut + s : 0, units);
        continue;
      }
      for (let j = 0; j < units; j++) {
        const dh = h[dhIn + s + j] + (dOut !== 0 ? h[dOut + s + j] : 0);
        h[dG + s + j] = dh * dact(h[g + s + j], a);
        h[dhPrev + s + j] = 0;
      }
    }
  }
}
