import { act64, dact64 } from './activation64.js';
import type { ReferenceArgs, ReferenceForward, ReferenceGradients } from './reference-args.js';
import { referenceBackpropSequence, referenceForward } from '../internal/reference-sequence.js';

// Plain float64 loops from the Keras SimpleRNN equation h' = a(x·W + b + h·U).

interface Step { t: number; keep: boolean; hPrev: Float64Array; z: Float64Array }

function run(a: ReferenceArgs, bi: number): { steps: Step[]; outs: Float64Array[]; h: Float64Array } {
  const { timesteps: T, units: u } = a;
  const n = a.kernel.length / u;
  const A = a.activation ?? 'tanh';
  let h = new Float64Array(u);
  for (let j = 0; j < u; j++) h[j] = a.h0 ? a.h0[bi * u + j] : 0;
  const steps: Step[] = [];
  const outs: Float64Array[] = [];
  for (let s = 0; s < T; s++) {
    const t = a.goBackwards ? T - 1 - s : s;
    const keep = !a.mask || a.mask[bi * T + t] !== 0;
    const z = new Float64Array(u);
    const hn = new Float64Array(u);
    for (let j = 0; j < u; j++) {
      let v = a.bias ? a.bias[j] : 0;
      for (let i = 0; i < n; i++) v += a.x[(bi * T + t) * n + i] * a.kernel[i * u + j];
      for (let l = 0; l < u; l++) v += h[l] * a.recurrentKernel[l * u + j];
      z[j] = v;
      hn[j] = act64(v, A);
    }
    steps.push({ t, keep, hPrev: h, z });
    if (keep) h = hn;
    outs.push(h);
  }
  return { steps, outs, h };
}

/**
 * Float64 reference of `simpleRnnForward`.
 *
 * @param a the same arguments as `simpleRnnForward` (any numeric arrays).
 * @returns output and h in float64.
 * @example
 * const ref = reference.simpleRnnForward(args);
 */
export function simpleRnnForward(a: ReferenceArgs): ReferenceForward {
  return referenceForward(a, (bi) => run(a, bi));
}

/**
 * Float64 reference of `simpleRnnBackward`, recomputing the forward pass from the arguments.
 *
 * @param a the forward arguments.
 * @param dOutput gradient of the output; @param dh of the final state.
 * @returns the gradients in float64.
 * @example
 * const g = reference.simpleRnnBackward(args, dOutput);
 */
export function simpleRnnBackward(a: ReferenceArgs, dOutput: ArrayLike<number>, dh?: ArrayLike<number>): ReferenceGradients {
  const { batch: B, timesteps: T, units: u } = a;
  const n = a.kernel.length / u;
  const A = a.activation ?? 'tanh';
  const g: ReferenceGradients = {
    dx: new Float64Array(B * T * n),
    dKernel: new Float64Array(n * u),
    dRecurrentKernel: new Float64Array(u * u),
    dBias: new Float64Array(u),
    dh0: new Float64Array(B * u),
  };
  for (let bi = 0; bi < B; bi++) {
    const { steps } = run(a, bi);
    const dh0 = referenceBackpropSequence(a, bi, steps, dOutput, dh, (st, gh) => {
      const ghPrev = new Float64Array(u);
      for (let j = 0; j < u; j++) {
        const dz = gh[j] * dact64(st.z[j], A);
        g.dBias[j] += dz;
        for (let i = 0; i < n; i++) {
          g.dKernel[i * u + j] += a.x[(bi * T + st.t) * n + i] * dz;
          g.dx[(bi * T + st.t) * n + i] += dz * a.kernel[i * u + j];
        }
        for (let l = 0; l < u; l++) {
          g.dRecurrentKernel[l * u + j] += st.hPrev[l] * dz;
          ghPrev[l] += dz * a.recurrentKernel[l * u + j];
        }
      }
      return ghPrev;
    });
    g.dh0.set(dh0, bi * u);
  }
  return g;
}
