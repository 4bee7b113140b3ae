import type * as tf from '@tensorflow/tfjs';
import { type BackendPreference, initBackend } from '@lstm-kit/backend';
import { predict } from '@lstm-kit/harness';
import { loadBundle } from '@lstm-kit/persistence';
import { type NdArray, toNested } from '@lstm-kit/sequence';
import { EXIT_CODES } from '../exit-codes';
import { UsageError } from '../errors';
import { asModelInput, modelShapes } from '../model-io';
import { parseBackend, parseOptions } from '../parse-options';
import { readRows } from '../read-rows';

/** Usage of `lstm-kit predict`. */
export const PREDICT_USAGE = `Usage: lstm-kit predict <saved model> <input.csv|input.json> [--backend name]

Loads a model saved with @lstm-kit/persistence and prints its predictions as JSON, one
array per sample. When the model was saved as a bundle with its fitted pipeline, the input is
raw values (a CSV of observations, one row per time step and one column per series, or the
same as JSON) and predictions come back in original units. Otherwise each CSV row is one
sample's input values flattened in order (timesteps × features), or JSON holds the samples.`;

/**
 * `lstm-kit predict <model> <input>`: predictions as JSON on stdout.
 *
 * @returns the exit code
 * @throws UsageError when the files are missing or the input does not fit the model
 */
export async function predictCommand(args: readonly string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    backend: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, 2);
  if (values.help) {
    out(PREDICT_USAGE);
    return EXIT_CODES.ok;
  }
  if (positionals.length !== 2) throw new UsageError('expected a saved model and an input file, e.g. lstm-kit predict model/ input.csv');
  await initBackend({ prefer: parseBackend(values.backend) as BackendPreference | undefined });
  const [modelPath, inputPath] = positionals;
  const rows = readRows(inputPath);
  const bundle = await loadBundle<NdArray>(modelPath);
  try {
    let prediction: NdArray;
    if (bundle.pipeline) {
      // The pipeline takes raw observations: a single series as one column is a plain list.
      const raw = rows.shape.length === 2 && rows.shape[1] === 1 ? { shape: [rows.shape[0]], data: rows.data } : rows;
      prediction = bundle.predictRaw(raw);
    } else {
      const { input } = modelShapes(bundle.model as tf.LayersModel);
      prediction = await predict(bundle.model, asModelInput(rows, input));
    }
    out(JSON.stringify(toNested(prediction)));
    return EXIT_CODES.ok;
  } finally {
    bundle.model.optimizer?.dispose();
    bundle.dispose();
  }
}
