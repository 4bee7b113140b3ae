import type * as tf from '@tensorflow/tfjs';
import { type NdArray, sizeOf } from '@lstm-kit/sequence';
import { UsageError } from './errors';

/** The per-sample input and output shapes of a loaded model (batch dimension left out). */
export function modelShapes(model: tf.LayersModel): { input: number[]; output: number[] } {
  const strip = (shape: (number | null)[] | (number | null)[][], what: string): number[] => {
    if (Array.isArray(shape[0])) throw new UsageError(`the model has several ${what}s; lstm-kit's commands take models with one ${what}`);
    const dims = (shape as (number | null)[]).slice(1);
    if (dims.some((d) => d == null)) throw new UsageError(`the model's ${what} shape [${dims.join(', ')}] has an unknown dimension; give it a fixed shape`);
    return dims as number[];
  };
  return { input: strip(model.inputs[0].shape, 'input'), output: strip(model.outputs[0].shape, 'output') };
}

/**
 * Give flat rows (or an array already shaped like the model's input) the model's input shape.
 *
 * @throws UsageError saying how many values per sample the model expects
 * @example
 * const x = asModelInput(readRows('x.csv'), [5, 10]); // [n, 5, 10]
 */
export function asModelInput(rows: NdArray, input: readonly number[], what = 'input'): NdArray {
  const per = sizeOf(input);
  const samples = rows.shape[0];
  const given = rows.shape.length === 0 ? 0 : sizeOf(rows.shape.slice(1));
  if (rows.shape.length < 1 || given !== per) {
    throw new UsageError(
      `expected each ${what} sample to have ${per} values (shape [${input.join(', ')}]), got [${rows.shape.slice(1).join(', ')}] (${given} values)`,
    );
  }
  return { shape: [samples, ...input], data: rows.data };
}

/** Split flat rows into the first `inputs` columns and the rest. */
export function splitColumns(rows: NdArray, inputs: number, outputs: number): { x: Float32Array; y: Float32Array } {
  const columns = rows.shape[1];
  if (rows.shape.length !== 2 || columns !== inputs + outputs) {
    throw new UsageError(
      `expected ${inputs + outputs} columns per row (${inputs} input values, then ${outputs} target values), got ${rows.shape.length === 2 ? columns : `shape [${rows.shape.join(', ')}]`}`,
    );
  }
  const n = rows.shape[0];
  const x = new Float32Array(n * inputs);
  const y = new Float32Array(n * outputs);
  for (let r = 0; r < n; r++) {
    x.set(rows.data.subarray(r * columns, r * columns + inputs), r * inputs);
    y.set(rows.data.subarray(r * columns + inputs, (r + 1) * columns), r * outputs);
  }
  return { x, y };
}
