import { act64, dact64 } from './activation64.js';
import type { ReferenceArgs, ReferenceForward, ReferenceGradients } from './reference-args.js';

// Plain float64 loops, one sequence at a time, straight from the Keras LSTM equations; the
// test oracle for the fast kernels. Written without the kernels' layout tricks on purpose.

interface Step { t: number; keep: boolean; hPrev: Float64Array; cPrev: Float64Array; z: Float64Array; c: Float64Array }

function run(a: ReferenceArgs, bi: number): { steps: Step[]; outs: Float64Array[]; h: Float64Array; c: Float64Array } {
  const { timesteps: T, units: u } = a;
  const n = a.kernel.length / (4 * u);
  const A = a.activation ?? 'tanh';
  const RA = a.recurrentActivation ?? 'sigmoid';
  let h = new Float64Array(u);
  let c = new Float64Array(u);
  for (let j = 0; j < u; j++) {
    h[j] = a.h0 ? a.h0[bi * u + j] : 0;
    c[j] = a.c0 ? a.c0[bi * u + j] : 0;
  }
  const steps: Step[] = [];
  const outs: Float64Array[] = [];
  for (let s = 0; s < T; s++) {
    const t = a.goBackwards ? T - 1 - s : s;
    const keep = !a.mask || a.mask[bi * T + t] !== 0;
    const z = new Float64Array(4 * u);
    for (let j = 0; j < 4 * u; j++) {
      let v = a.bias ? a.bias[j] : 0;
      for (let i = 0; i < n; i++) v += a.x[(bi * T + t) * n + i] * a.kernel[i * 4 * u + j];
      for (let l = 0; l < u; l++) v += h[l] * a.recurrentKernel[l * 4 * u + j];
      z[j] = v;
    }
    const cn = new Float64Array(u);
    const hn = new Float64Array(u);
    for (let j = 0; j < u; j++) {
      cn[j] = act64(z[u + j], RA) * c[j] + act64(z[j], RA) * act64(z[2 * u + j], A);
      hn[j] = act64(z[3 * u + j], RA) * act64(cn[j], A);
    }
    steps.push({ t, keep, hPrev: h, cPrev: c, z, c: cn });
    if (keep) {
      h = hn;
      c = cn;
    }
    outs.push(h);
  }
  return { steps, outs, h, c };
}

/**
 * Float64 reference of `lstmForward`.
 *
 * @param a the same arguments as `lstmForward` (any numeric arrays).
 * @returns output, h and c in float64.
 * @example
 * const ref = reference.lstmForward(args);
 */
export function lstmForward(a: ReferenceArgs): ReferenceForward {
  const { batch: B, timesteps: T, units: u } = a;
  const output = new Float64Array(a.returnSequences ? B * T * u : B * u);
  const h = new Float64Array(B * u);
  const c = new Float64Array(B * u);
  for (let bi = 0; bi < B; bi++) {
    const r = run(a, bi);
    h.set(r.h, bi * u);
    c.set(r.c, bi * u);
    if (a.returnSequences) r.outs.forEach((o, s) => output.set(o, (bi * T + s) * u));
    else output.set(r.h, bi * u);
  }
  return { output, h, c };
}

/**
 * Float64 reference of `lstmBackward`, recomputing the forward pass from the arguments.
 *
 * @param a the forward arguments.
 * @param dOutput gradient of the output; @param dh and @param dc of the final states.
 * @returns the gradients in float64.
 * @example
 * const g = reference.lstmBackward(args, dOutput);
 */
export function lstmBackward(a: ReferenceArgs, dOutput: ArrayLike<number>, dh?: ArrayLike<number>, dc?: ArrayLike<number>): ReferenceGradients {
  const { batch: B, timesteps: T, units: u } = a;
  const n = a.kernel.length / (4 * u);
  const A = a.activation ?? 'tanh';
  const RA = a.recurrentActivation ?? 'sigmoid';
  const g: ReferenceGradients = {
    dx: new Float64Array(B * T * n),
    dKernel: new Float64Array(n * 4 * u),
    dRecurrentKernel: new Float64Array(u * 4 * u),
    dBias: new Float64Array(4 * u),
    dh0: new Float64Array(B * u),
    dc0: new Float64Array(B * u),
  };
  for (let bi = 0; bi < B; bi++) {
    const { steps } = run(a, bi);
    let gh = new Float64Array(u);
    let gc = new Float64Array(u);
    for (let j = 0; j < u; j++) {
      gh[j] = (dh ? dh[bi * u + j] : 0) + (a.returnSequences ? 0 : dOutput[bi * u + j]);
      gc[j] = dc ? dc[bi * u + j] : 0;
    }
    for (let s = T - 1; s >= 0; s--) {
      if (a.returnSequences) for (let j = 0; j < u; j++) gh[j] += dOutput[(bi * T + s) * u + j];
      const st = steps[s];
      if (!st.keep) continue;
      const z = st.z;
      const dz = new Float64Array(4 * u);
      const ghPrev = new Float64Array(u);
      const gcPrev = new Float64Array(u);
      for (let j = 0; j < u; j++) {
        const i = act64(z[j], RA), f = act64(z[u + j], RA), cc = act64(z[2 * u + j], A), o = act64(z[3 * u + j], RA);
        const dcn = gc[j] + gh[j] * o * dact64(st.c[j], A);
        dz[j] = dcn * cc * dact64(z[j], RA);
        dz[u + j] = dcn * st.cPrev[j] * dact64(z[u + j], RA);
        dz[2 * u + j] = dcn * i * dact64(z[2 * u + j], A);
        dz[3 * u + j] = gh[j] * act64(st.c[j], A) * dact64(z[3 * u + j], RA);
        gcPrev[j] = dcn * f;
      }
      for (let j = 0; j < 4 * u; j++) {
        g.dBias[j] += dz[j];
        for (let i = 0; i < n; i++) {
          g.dKernel[i * 4 * u + j] += a.x[(bi * T + st.t) * n + i] * dz[j];
          g.dx[(bi * T + st.t) * n + i] += dz[j] * a.kernel[i * 4 * u + j];
        }
        for (let l = 0; l < u; l++) {
          g.dRecurrentKernel[l * 4 * u + j] += st.hPrev[l] * dz[j];
          ghPrev[l] += dz[j] * a.recurrentKernel[l * 4 * u + j];
        }
      }
      gh = ghPrev;
      gc = gcPrev;
    }
    g.dh0.set(gh, bi * u);
    g.dc0!.set(gc, bi * u);
  }
  return g;
}
