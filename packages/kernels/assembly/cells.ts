// Fused per-step gate math for LSTM, GRU (reset_after) and SimpleRNN, forward and backward.
// Each routine handles a whole batch for one time step; the matrix products around it run in
// gemm.ts. Gate layout per batch row follows Keras: LSTM [i f c o], GRU [z r h], each `units`
// wide. A mask pointer of 0 means "no mask"; a row whose mask is 0 carries its state over
// (Keras and tfjs-layers semantics) and passes its gradient straight to the previous step.

import { vact, vdact, ld, st, ldOpt, TANH, SIGMOID } from './activations';

@inline function rowMasked(mask: usize, r: i32): bool {
  return mask != 0 && load<f32>(mask + ((<usize>r) << 2)) == 0;
}

/** dst = a + (b or 0) over n floats, for the pass-through rows of a masked step. */
function copyAdd(dst: usize, a: usize, b: usize, n: i32): void {
  for (let j = 0; j < n; j++) {
    const o = (<usize>j) << 2;
    store<f32>(dst + o, load<f32>(a + o) + (b != 0 ? load<f32>(b + o) : <f32>0));
  }
}

// ---------------------------------------------------------------- LSTM

@inline function lstmFwdLanes(pg: usize, pcp: usize, pc: usize, ph: usize, ub: usize, act: i32, recAct: i32, scalar: bool): void {
  const i = vact(ld(pg, scalar), recAct);
  const f = vact(ld(pg + ub, scalar), recAct);
  const g = vact(ld(pg + 2 * ub, scalar), act);
  const o = vact(ld(pg + 3 * ub, scalar), recAct);
  st(pg, i, scalar); st(pg + ub, f, scalar); st(pg + 2 * ub, g, scalar); st(pg + 3 * ub, o, scalar);
  const c = f32x4.add(f32x4.mul(f, ld(pcp, scalar)), f32x4.mul(i, g));
  st(pc, c, scalar);
  st(ph, f32x4.mul(o, vact(c, act)), scalar);
}

/**
 * gates [batch, 4u] hold x·W + b + h·U on entry and the activated gates on exit;
 * writes c and h of this step.
 */
export function lstmCellForward(g: usize, cPrev: usize, hPrev: usize, cOut: usize, hOut: usize, mask: usize, batch: i32, units: i32, act: i32, recAct: i32): void {
  const ub = (<usize>units) << 2;
  const u4 = units & ~3;
  for (let r = 0; r < batch; r++) {
    const gr = g + <usize>r * 4 * ub;
    const sr = <usize>r * ub;
    if (rowMasked(mask, r)) {
      memory.copy(cOut + sr, cPrev + sr, ub);
      memory.copy(hOut + sr, hPrev + sr, ub);
      continue;
    }
    let j = 0;
    if (act == TANH && recAct == SIGMOID) {
      // Keras's defaults, with the activations fixed at compile time (no per-lane dispatch).
      for (; j < u4; j += 4) {
        const o = (<usize>j) << 2;
        lstmFwdLanes(gr + o, cPrev + sr + o, cOut + sr + o, hOut + sr + o, ub, TANH, SIGMOID, false);
      }
    }
    for (; j < u4; j += 4) {
      const o = (<usize>j) << 2;
      lstmFwdLanes(gr + o, cPrev + sr + o, cOut + sr + o, hOut + sr + o, ub, act, recAct, false);
    }
    for (; j < units; j++) {
      const o = (<usize>j) << 2;
      lstmFwdLanes(gr + o, cPrev + sr + o, cOut + sr + o, hOut + sr + o, ub, act, recAct, true);
    }
  }
}

@inline function lstmBwdLanes(pg: usize, pcp: usize, pc: usize, pdh: usize, pdo: usize, dOut: usize, pdc: usize, pdg: usize, pdhp: usize, ub: usize, act: i32, recAct: i32, scalar: bool): void {
  const dh = f32x4.add(ld(pdh, scalar), ldOpt(pdo, dOut, scalar));
  const i = ld(pg, scalar);
  const f = ld(pg + ub, scalar);
  const g = ld(pg + 2 * ub, scalar);
  const o = ld(pg + 3 * ub, scalar);
  const ac = vact(ld(pc, scalar), act);
  const dc = f32x4.add(ld(pdc, scalar), f32x4.mul(f32x4.mul(dh, o), vdact(ac, act)));
  st(pdg, f32x4.mul(f32x4.mul(dc, g), vdact(i, recAct)), scalar);
  st(pdg + ub, f32x4.mul(f32x4.mul(dc, ld(pcp, scalar)), vdact(f, recAct)), scalar);
  st(pdg + 2 * ub, f32x4.mul(f32x4.mul(dc, i), vdact(g, act)), scalar);
  st(pdg + 3 * ub, f32x4.mul(f32x4.mul(dh, ac), vdact(o, recAct)), scalar);
  st(pdc, f32x4.mul(dc, f), scalar);
  st(pdhp, f32x4.splat(0), scalar);
}

/**
 * Backward through one LSTM step. dh (+ dOut when non-zero) is the gradient reaching h_t;
 * dc is the gradient reaching c_t on entry and c_{t-1} on exit; writes the pre-activation gate
 * gradients dG and the part of dh_{t-1} that does not go through U (gemm adds dG·Uᵀ after).
 */
export function lstmCellBackward(g: usize, cPrev: usize, cCur: usize, dhIn: usize, dOut: usize, dc: usize, dG: usize, dhPrev: usize, mask: usize, batch: i32, units: i32, act: i32, recAct: i32): void {
  const ub = (<usize>units) << 2;
  const u4 = units & ~3;
  for (let r = 0; r < batch; r++) {
    const gr = <usize>r * 4 * ub;
    const sr = <usize>r * ub;
    if (rowMasked(mask, r)) {
      memory.fill(dG + gr, 0, 4 * ub);
      copyAdd(dhPrev + sr, dhIn + sr, dOut != 0 ? dOut + sr : 0, units);
      continue;
    }
    let j = 0;
    for (; j < u4; j += 4) {
      const o = (<usize>j) << 2;
      lstmBwdLanes(g + gr + o, cPrev + sr + o, cCur + sr + o, dhIn + sr + o, dOut + sr + o, dOut, dc + sr + o, dG + gr + o, dhPrev + sr + o, ub, act, recAct, false);
    }
    for (; j < units; j++) {
      const o = (<usize>j) << 2;
      lstmBwdLanes(g + gr + o, cPrev + sr + o, cCur + sr + o, dhIn + sr + o, dOut + sr + o, dOut, dc + sr + o, dG + gr + o, dhPrev + sr + o, ub, act, recAct, true);
    }
  }
}

// ---------------------------------------------------------------- GRU (reset_after)

@inline function gruFwdLanes(pg: usize, prec: usize, prb: usize, prh: usize, php: usize, ph: usize, ub: usize, act: i32, recAct: i32, scalar: bool): void {
  const z = vact(f32x4.add(ld(pg, scalar), f32x4.add(ld(prec, scalar), ld(prb, scalar))), recAct);
  const r = vact(f32x4.add(ld(pg + ub, scalar), f32x4.add(ld(prec + ub, scalar), ld(prb + ub, scalar))), recAct);
  const rh = f32x4.add(ld(prec + 2 * ub, scalar), ld(prb + 2 * ub, scalar));
  const hh = vact(f32x4.add(ld(pg + 2 * ub, scalar), f32x4.mul(r, rh)), act);
  const hp = ld(php, scalar);
  st(pg, z, scalar); st(pg + ub, r, scalar); st(pg + 2 * ub, hh, scalar);
  st(prh, rh, scalar);
  // z·h_prev + (1 − z)·hh, as Keras writes it.
  st(ph, f32x4.add(f32x4.mul(z, hp), f32x4.mul(f32x4.sub(f32x4.splat(1.0), z), hh)), scalar);
}

/**
 * gates [batch, 3u] hold x·W + b_input on entry and z, r, hh on exit; rec [batch, 3u] holds
 * h·U; recBias [3u] is the recurrent bias row; rhOut [batch, u] keeps h·U_h + b_rh for backward.
 */
export function gruCellForward(g: usize, rec: usize, recBias: usize, rhOut: usize, hPrev: usize, hOut: usize, mask: usize, batch: i32, units: i32, act: i32, recAct: i32): void {
  const ub = (<usize>units) << 2;
  const u4 = units & ~3;
  for (let r = 0; r < batch; r++) {
    const gr = <usize>r * 3 * ub;
    const sr = <usize>r * ub;
    if (rowMasked(mask, r)) {
      memory.copy(hOut + sr, hPrev + sr, ub);
      continue;
    }
    let j = 0;
    for (; j < u4; j += 4) {
      const o = (<usize>j) << 2;
      gruFwdLanes(g + gr + o, rec + gr + o, recBias + o, rhOut + sr + o, hPrev + sr + o, hOut + sr + o, ub, act, recAct, false);
    }
    for (; j < units; j++) {
      const o = (<usize>j) << 2;
      gruFwdLanes(g + gr + o, rec + gr + o, recBias + o, rhOut + sr + o, hPrev + sr + o, hOut + sr + o, ub, act, recAct, true);
    }
  }
}

@inline function gruBwdLanes(pg: usize, prh: usize, php: usize, pdh: usize, pdo: usize, dOut: usize, pdi: usize, pdr: usize, pdhp: usize, ub: usize, act: i32, recAct: i32, scalar: bool): void {
  const dh = f32x4.add(ld(pdh, scalar), ldOpt(pdo, dOut, scalar));
  const z = ld(pg, scalar);
  const r = ld(pg + ub, scalar);
  const hh = ld(pg + 2 * ub, scalar);
  const dz = f32x4.mul(f32x4.mul(dh, f32x4.sub(ld(php, scalar), hh)), vdact(z, recAct));
  const dhh = f32x4.mul(f32x4.mul(dh, f32x4.sub(f32x4.splat(1.0), z)), vdact(hh, act));
  const dr = f32x4.mul(f32x4.mul(dhh, ld(prh, scalar)), vdact(r, recAct));
  st(pdi, dz, scalar); st(pdi + ub, dr, scalar); st(pdi + 2 * ub, dhh, scalar);
  st(pdr, dz, scalar); st(pdr + ub, dr, scalar); st(pdr + 2 * ub, f32x4.mul(dhh, r), scalar);
  st(pdhp, f32x4.mul(dh, z), scalar);
}

/**
 * Backward through one GRU step: writes the input-side gate gradients dGin (for W, the input
 * bias and x) and the recurrent-side ones dGrec (for U, the recurrent bias and h_{t-1}), and
 * the direct part of dh_{t-1}.
 */
export function gruCellBackward(g: usize, rh: usize, hPrev: usize, dhIn: usize, dOut: usize, dGin: usize, dGrec: usize, dhPrev: usize, mask: usize, batch: i32, units: i32, act: i32, recAct: i32): void {
  const ub = (<usize>units) << 2;
  const u4 = units & ~3;
  for (let r = 0; r < batch; r++) {
    const gr = <usize>r * 3 * ub;
    const sr = <usize>r * ub;
    if (rowMasked(mask, r)) {
      memory.fill(dGin + gr, 0, 3 * ub);
      memory.fill(dGrec + gr, 0, 3 * ub);
      copyAdd(dhPrev + sr, dhIn + sr, dOut != 0 ? dOut + sr : 0, units);
      continue;
    }
    let j = 0;
    for (; j < u4; j += 4) {
      const o = (<usize>j) << 2;
      gruBwdLanes(g + gr + o, rh + sr + o, hPrev + sr + o, dhIn + sr + o, dOut + sr + o, dOut, dGin + gr + o, dGrec + gr + o, dhPrev + sr + o, ub, act, recAct, false);
    }
    for (; j < units; j++) {
      const o = (<usize>j) << 2;
      gruBwdLanes(g + gr + o, rh + sr + o, hPrev + sr + o, dhIn + sr + o, dOut + sr + o, dOut, dGin + gr + o, dGrec + gr + o, dhPrev + sr + o, ub, act, recAct, true);
    }
  }
}

// ---------------------------------------------------------------- SimpleRNN

/** gates [batch, u] hold x·W + b + h·U on entry and act(·) on exit; writes h. */
export function rnnCellForward(g: usize, hPrev: usize, hOut: usize, mask: usize, batch: i32, units: i32, act: i32): void {
  const ub = (<usize>units) << 2;
  const u4 = units & ~3;
  for (let r = 0; r < batch; r++) {
    const sr = <usize>r * ub;
    if (rowMasked(mask, r)) {
      memory.copy(hOut + sr, hPrev + sr, ub);
      continue;
    }
    let j = 0;
    for (; j < u4; j += 4) {
      const o = sr + ((<usize>j) << 2);
      const y = vact(v128.load(g + o), act);
      v128.store(g + o, y);
      v128.store(hOut + o, y);
    }
    for (; j < units; j++) {
      const o = sr + ((<usize>j) << 2);
      const y = vact(v128.load32_splat(g + o), act);
      v128.store32_lane(g + o, y, 0);
      v128.store32_lane(hOut + o, y, 0);
    }
  }
}

@inline function rnnBwdLanes(pg: usize, pdh: usize, pdo: usize, dOut: usize, pdg: usize, pdhp: usize, act: i32, scalar: bool): void {
  const dh = f32x4.add(ld(pdh, scalar), ldOpt(pdo, dOut, scalar));
  st(pdg, f32x4.mul(dh, vdact(ld(pg, scalar), act)), scalar);
  st(pdhp, f32x4.splat(0), scalar);
}

/** Backward through one SimpleRNN step: writes dG (pre-activation) and the direct part of dh_{t-1}. */
export function rnnCellBackward(g: usize, dhIn: usize, dOut: usize, dG: usize, dhPrev: usize, mask: usize, batch: i32, units: i32, act: i32): void {
  const ub = (<usize>units) << 2;
  const u4 = units & ~3;
  for (let r = 0; r < batch; r++) {
    const sr = <usize>r * ub;
    if (rowMasked(mask, r)) {
      memory.fill(dG + sr, 0, ub);
      copyAdd(dhPrev + sr, dhIn + sr, dOut != 0 ? dOut + sr : 0, units);
      continue;
    }
    let j = 0;
    for (; j < u4; j += 4) {
      const o = sr + ((<usize>j) << 2);
      rnnBwdLanes(g + o, dhIn + o, dOut + o, dOut, dG + o, dhPrev + o, act, false);
    }
    for (; j < units; j++) {
      const o = sr + ((<usize>j) << 2);
      rnnBwdLanes(g + o, dhIn + o, dOut + o, dOut, dG + o, dhPrev + o, act, true);
    }
  }
}
