import * as tf from '@tensorflow/tfjs';
import { type BackendPreference, initBackend } from '@lstm-kit/backend';
import { compileModel, evaluate } from '@lstm-kit/harness';
import { loadModel } from '@lstm-kit/persistence';
import { sizeOf } from '@lstm-kit/sequence';
import { EXIT_CODES } from '../exit-codes';
import { UsageError } from '../errors';
import { modelShapes, splitColumns } from '../model-io';
import { parseBackend, parseInteger, parseOptions } from '../parse-options';
import { readRows } from '../read-rows';

/** Usage of `lstm-kit evaluate`. */
export const EVALUATE_USAGE = `Usage: lstm-kit evaluate <saved model> <data.csv> [--loss name] [--metrics a,b] [--batch-size n] [--json]

Loads a model saved with @lstm-kit/persistence (a folder, a model.json or a one-file bundle)
and evaluates it on a CSV file: each row is one sample, its input values flattened in order
(timesteps × features), then its target values. A header row is detected and skipped.

Options:
  --loss name        loss to report (default: the loss the model was saved with, else mse)
  --metrics a,b      metrics to report as well, e.g. mae,rmse or accuracy
  --batch-size n     samples per forward pass (default 32)
  --backend name     auto (default), tensorflow, wasm or cpu
  --json             print one JSON object instead of lines
  -h, --help         this help`;

/**
 * `lstm-kit evaluate <model> <data.csv>`: the model's loss (and metrics) on labelled rows.
 *
 * @returns the exit code
 * @throws UsageError when the files are missing or the columns do not fit the model
 */
export async function evaluateCommand(args: readonly string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    loss: { type: 'string' },
    metrics: { type: 'string' },
    'batch-size': { type: 'string' },
    backend: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }, 2);
  if (values.help) {
    out(EVALUATE_USAGE);
    return EXIT_CODES.ok;
  }
  if (positionals.length !== 2) throw new UsageError('expected a saved model and a CSV file, e.g. lstm-kit evaluate model/ data.csv');
  await initBackend({ prefer: parseBackend(values.backend) as BackendPreference | undefined });
  const [modelPath, dataPath] = positionals;
  const rows = readRows(dataPath);
  const model = await loadModel(modelPath);
  try {
    const { input, output } = modelShapes(model);
    const { x, y } = splitColumns(rows, sizeOf(input), sizeOf(output));
    const n = rows.shape[0];
    const saved = (model as unknown as { loss?: unknown }).loss;
    const loss = (values.loss as string | undefined) ?? (typeof saved === 'string' ? saved : 'mse');
    const metrics = typeof values.metrics === 'string' ? values.metrics.split(',').map((m: string) => m.trim()).filter(Boolean) : [];
    compileModel(model, { loss, optimizer: 'adam', metrics });
    const logs = await evaluate(
      model,
      { x: { shape: [n, ...input], data: x }, y: { shape: [n, ...output], data: y } },
      { batchSize: values['batch-size'] === undefined ? undefined : parseInteger('--batch-size', values['batch-size']) },
    );
    const result = { samples: n, loss, ...logs };
    if (values.json) out(JSON.stringify(result));
    else {
      out(`Evaluated ${n} samples with ${loss}`);
      for (const [k, v] of Object.entries(logs)) out(`${k}: ${Number(v).toPrecision(6)}`);
    }
    return EXIT_CODES.ok;
  } finally {
    (model.optimizer as tf.Optimizer | undefined)?.dispose();
    model.dispose();
  }
}
