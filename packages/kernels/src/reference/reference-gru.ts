import { act64, dact64 } from './activation64.js';
import type { ReferenceArgs, ReferenceForward, ReferenceGradients } from './reference-args.js';
import { referenceBackpropSequence, referenceForward } from '../internal/reference-sequence.js';

// Plain float64 loops from the Keras GRU equations with reset_after=True:
//   z = ra(x·Wz + b_iz + h·Uz + b_rz), r = ra(x·Wr + b_ir + h·Ur + b_rr),
//   hh = a(x·Wh + b_ih + r ⊙ (h·Uh + b_rh)), h' = z ⊙ h + (1 − z) ⊙ hh.

interface Step { t: number; keep: boolean; hPrev: Float64Array; xz: Float64Array; hz: Float64Array }

function run(a: ReferenceArgs, bi: number): { steps: Step[]; outs: Float64Array[]; h: Float64Array } {
  const { timesteps: T, units: u } = a;
  const G = 3 * u;
  const n = a.kernel.length / G;
  const A = a.activation ?? 'tanh';
  const RA = a.recurrentActivation ?? 'sigmoid';
  let h = new Float64Array(u);
  for (let j = 0; j < u; j++) h[j] = a.h0 ? a.h0[bi * u + j] : 0;
  const steps: Step[] = [];
  const outs: Float64Array[] = [];
  for (let s = 0; s < T; s++) {
    const t = a.goBackwards ? T - 1 - s : s;
    const keep = !a.mask || a.mask[bi * T + t] !== 0;
    const xz = new Float64Array(G);
    const hz = new Float64Array(G);
    for (let j = 0; j < G; j++) {
      let v = a.bias ? a.bias[j] : 0;
      for (let i = 0; i < n; i++) v += a.x[(bi * T + t) * n + i] * a.kernel[i * G + j];
      xz[j] = v;
      let w = a.bias ? a.bias[G + j] : 0;
      for (let l = 0; l < u; l++) w += h[l] * a.recurrentKernel[l * G + j];
      hz[j] = w;
    }
    const hn = new Float64Array(u);
    for (let j = 0; j < u; j++) {
      const z = act64(xz[j] + hz[j], RA);
      const r = act64(xz[u + j] + hz[u + j], RA);
      const hh = act64(xz[2 * u + j] + r * hz[2 * u + j], A);
      hn[j] = z * h[j] + (1 - z) * hh;
    }
    steps.push({ t, keep, hPrev: h, xz, hz });
    if (keep) h = hn;
    outs.push(h);
  }
  return { steps, outs, h };
}

/**
 * Float64 reference of `gruForward`.
 *
 * @param a the same arguments as `gruForward` (any numeric arrays).
 * @returns output and h in float64.
 * @example
 * const ref = reference.gruForward(args);
 */
export function gruForward(a: ReferenceArgs): ReferenceForward {
  return referenceForward(a, (bi) => run(a, bi));
}

/**
 * Float64 reference of `gruBackward`, recomputing the forward pass from the arguments.
 *
 * @param a the forward arguments.
 * @param dOutput gradient of the output; @param dh of the final state.
 * @returns the gradients in float64 (dBias `[2, 3·units]`).
 * @example
 * const g = reference.gruBackward(args, dOutput);
 */
export function gruBackward(a: ReferenceArgs, dOutput: ArrayLike<number>, dh?: ArrayLike<number>): ReferenceGradients {
  const { batch: B, timesteps: T, units: u } = a;
  const G = 3 * u;
  const n = a.kernel.length / G;
  const A = a.activation ?? 'tanh';
  const RA = a.recurrentActivation ?? 'sigmoid';
  const g: ReferenceGradients = {
    dx: new Float64Array(B * T * n),
    dKernel: new Float64Array(n * G),
    dRecurrentKernel: new Float64Array(u * G),
    dBias: new Float64Array(2 * G),
    dh0: new Float64Array(B * u),
  };
  for (let bi = 0; bi < B; bi++) {
    const { steps } = run(a, bi);
    const dh0 = referenceBackpropSequence(a, bi, steps, dOutput, dh, (st, gh) => {
      const { xz, hz } = st;
      const dxz = new Float64Array(G); // gradient of the input-side pre-activations
      const dhz = new Float64Array(G); // gradient of the recurrent-side products (+ bias)
      const ghPrev = new Float64Array(u);
      for (let j = 0; j < u; j++) {
        const pz = xz[j] + hz[j];
        const pr = xz[u + j] + hz[u + j];
        const z = act64(pz, RA);
        const r = act64(pr, RA);
        const ph = xz[2 * u + j] + r * hz[2 * u + j];
        const hh = act64(ph, A);
        ghPrev[j] += gh[j] * z;
        const dpz = gh[j] * (st.hPrev[j] - hh) * dact64(pz, RA);
        const dph = gh[j] * (1 - z) * dact64(ph, A);
        const dpr = dph * hz[2 * u + j] * dact64(pr, RA);
        dxz[j] = dpz; dhz[j] = dpz;
        dxz[u + j] = dpr; dhz[u + j] = dpr;
        dxz[2 * u + j] = dph; dhz[2 * u + j] = dph * r;
      }
      for (let j = 0; j < G; j++) {
        g.dBias[j] += dxz[j];
        g.dBias[G + j] += dhz[j];
        for (let i = 0; i < n; i++) {
          g.dKernel[i * G + j] += a.x[(bi * T + st.t) * n + i] * dxz[j];
          g.dx[(bi * T + st.t) * n + i] += dxz[j] * a.kernel[i * G + j];
        }
        for (let l = 0; l < u; l++) {
          g.dRecurrentKernel[l * G + j] += st.hPrev[l] * dhz[j];
          ghPrev[l] += dhz[j] * a.recurrentKernel[l * G + j];
        }
      }
      return ghPrev;
    });
    g.dh0.set(dh0, bi * u);
  }
  return g;
}
