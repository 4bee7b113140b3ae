import type { ReferenceArgs, ReferenceForward } from '../reference/reference-args.js';

// The per-sequence bookkeeping of the float64 reference kernels that has nothing to do with
// the cell equations: how outputs are gathered and how dOutput and dh flow into each step.
// The cell maths stays in each reference file, where it reads like the Keras equations.

/** What a reference cell's forward run of one sequence yields. */
export interface ReferenceRun {
  /** h after every step, in processing order (a masked step repeats the carried state). */
  outs: Float64Array[];
  /** Final hidden state. */
  h: Float64Array;
}

/**
 * Runs `run` on every sequence of the batch and gathers `output` (every step's h with
 * `returnSequences`, else the last) and the final `h`, as the fast kernels lay them out.
 */
export function referenceForward(a: ReferenceArgs, run: (bi: number) => ReferenceRun): ReferenceForward {
  const { batch: B, timesteps: T, units: u } = a;
  const output = new Float64Array(a.returnSequences ? B * T * u : B * u);
  const h = new Float64Array(B * u);
  for (let bi = 0; bi < B; bi++) {
    const r = run(bi);
    h.set(r.h, bi * u);
    if (a.returnSequences) r.outs.forEach((o, s) => output.set(o, (bi * T + s) * u));
    else output.set(r.h, bi * u);
  }
  return { output, h };
}

/**
 * Back-propagates dh through one sequence `bi`, last step first: starts from `dh` (plus the
 * output gradient when only the last step is output), adds each step's output gradient with
 * `returnSequences`, skips masked steps (their state was carried, so dh passes unchanged)
 * and lets `stepBack` turn dh of a step into dh of the step before.
 *
 * @returns the gradient of the initial hidden state of sequence `bi`.
 */
export function referenceBackpropSequence<S extends { keep: boolean }>(
  a: ReferenceArgs,
  bi: number,
  steps: readonly S[],
  dOutput: ArrayLike<number>,
  dh: ArrayLike<number> | undefined,
  stepBack: (st: S, gh: Float64Array) => Float64Array,
): Float64Array {
  const { timesteps: T, units: u } = a;
  let gh: Float64Array = new Float64Array(u);
  for (let j = 0; j < u; j++) gh[j] = (dh ? dh[bi * u + j] : 0) + (a.returnSequences ? 0 : dOutput[bi * u + j]);
  for (let s = T - 1; s >= 0; s--) {
    if (a.returnSequences) for (let j = 0; j < u; j++) gh[j] += dOutput[(bi * T + s) * u + j];
    const st = steps[s];
    if (!st.keep) continue;
    gh = stepBack(st, gh);
  }
  return gh;
}
