import type * as tf from '@tensorflow/tfjs';

/** One row of the summary table. */
export interface SummaryRow {
  /** Layer name, e.g. `lstm`. */
  readonly name: string;
  /** Keras class name, e.g. `LSTM`, `TimeDistributed`. */
  readonly type: string;
  /** Output shape as Keras prints it, with `None` for the batch: `(None, 25)`. */
  readonly outputShape: string;
  /** Number of weights (trainable and not) of the layer. */
  readonly params: number;
}

/** The data behind the printed table. */
export interface ModelSummary {
  /** The model's name. */
  readonly modelName: string;
  /** One row per layer, in order. */
  readonly rows: readonly SummaryRow[];
  /** All parameters. */
  readonly total: number;
  /** Parameters updated by training. */
  readonly trainable: number;
  /** Parameters not updated by training (BatchNormalization's moving mean and variance). */
  readonly nonTrainable: number;
  /** The table as printed. */
  readonly text: string;
}

/** Options of {@link summary}. */
export interface SummaryOptions {
  /** Where to print each line; `false` to print nothing. Default `console.log`. */
  print?: ((line: string) => void) | false;
  /** Total width of the table. Default 65, Keras's. */
  lineLength?: number;
}

function formatDim(d: number | null | undefined): string {
  return d == null ? 'None' : String(d);
}

function formatShape(shape: unknown): string {
  if (Array.isArray(shape) && shape.length > 0 && Array.isArray(shape[0])) {
    return `[${(shape as (number | null)[][]).map(formatShape).join(', ')}]`;
  }
  const dims = (shape as (number | null)[]).map(formatDim);
  // Python prints a 1-tuple with a trailing comma.
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

function outputShapeOf(layer: tf.layers.Layer): string {
  try {
    const shape = layer.outputShape;
    // An InputLayer reports its shape as Keras 2 does: a list of one shape.
    if (layer.getClassName() === 'InputLayer') return `[${formatShape(shape)}]`;
    return formatShape(shape);
  } catch {
    return 'multiple';
  }
}

function countWeights(weights: readonly { shape: number[] }[]): number {
  let n = 0;
  for (const w of weights) n += w.shape.reduce((a, b) => a * b, 1);
  return n;
}

function cell(text: string, width: number): string {
  const t = text.length >= width ? text.slice(0, width - 1) : text;
  return t.padEnd(width);
}

function thousands(n: number): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Print and return Keras's model summary: layer name and type, output shape with `None` for
 * the batch, parameter counts, and the totals (trainable and non-trainable), in the layout of
 * Keras 2's `model.summary()`.
 *
 * @param model a built tfjs model (Sequential or functional)
 * @param options where to print (`print: false` for silence) and the table width
 * @returns the rows and totals as data, plus the printed text
 * @example
 * const s = summary(vanilla({ units: 25, timesteps: 5, features: 10, outputs: 10, outputActivation: 'softmax' }));
 * s.total; // 3860
 */
export function summary(model: tf.LayersModel, options: SummaryOptions = {}): ModelSummary {
  const width = options.lineLength ?? 65;
  const cols = [Math.round(width * 0.45), Math.round(width * 0.85)];
  const w0 = cols[0];
  const w1 = cols[1] - cols[0];
  const w2 = width - cols[1];
  const rows: SummaryRow[] = model.layers.map((layer) => ({
    name: layer.name,
    type: layer.getClassName(),
    outputShape: outputShapeOf(layer),
    params: layer.countParams(),
  }));
  const trainable = countWeights(model.trainableWeights as unknown as { shape: number[] }[]);
  const nonTrainable = countWeights(model.nonTrainableWeights as unknown as { shape: number[] }[]);
  const lines: string[] = [];
  lines.push(`Model: "${model.name}"`);
  lines.push('_'.repeat(width));
  lines.push(cell(' Layer (type)', w0) + cell('Output Shape', w1) + cell('Param #', w2));
  lines.push('='.repeat(width));
  rows.forEach((r, i) => {
    lines.push(cell(` ${r.name} (${r.type})`, w0) + cell(r.outputShape, w1) + cell(String(r.params), w2));
    lines.push(i === rows.length - 1 ? '' : ' '.repeat(width));
  });
  lines.pop();
  lines.push('='.repeat(width));
  lines.push(`Total params: ${thousands(trainable + nonTrainable)}`);
  lines.push(`Trainable params: ${thousands(trainable)}`);
  lines.push(`Non-trainable params: ${thousands(nonTrainable)}`);
  lines.push('_'.repeat(width));
  const print = options.print === undefined ? console.log : options.print;
  if (print) for (const line of lines) print(line);
  return { modelName: model.name, rows, total: trainable + nonTrainable, trainable, nonTrainable, text: lines.join('\n') };
}
