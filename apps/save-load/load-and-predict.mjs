// Load the B13 model in a fresh Node process and predict: the proof that what was saved is
// the whole model. Plain JavaScript on the packages' built output, so it runs with `node`
// alone: node load-and-predict.mjs <backend> <model file> <architecture.json> <weights> <inputs JSON>
// Prints one JSON line: { oneFile: number[], separate: number[] }.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@lstm-kit/backend';
import { loadArchitecture, loadModel, loadWeights } from '@lstm-kit/persistence';

const [backend, modelFile, architectureFile, weightsFile, inputsJson] = process.argv.slice(2);
// The same backend as the training process: kernels differ in their last bits between backends.
await initBackend({ prefer: backend });
const inputs = JSON.parse(inputsJson);
const x = tf.tensor3d(inputs, [inputs.length, 1, 1]);

async function predictWith(model) {
  const y = model.predict(x);
  const values = Array.from(await y.data());
  y.dispose();
  model.dispose();
  return values;
}

// 1. The one-file bundle: architecture and weights together, checksums verified on load.
const oneFile = await predictWith(await loadModel(modelFile));
// 2. Architecture JSON and weights apart: rebuild the model, then fill in its weights.
const rebuilt = await loadArchitecture(architectureFile);
await loadWeights(rebuilt, weightsFile);
const separate = await predictWith(rebuilt);
x.dispose();
process.stdout.write(JSON.stringify({ oneFile, separate }) + '\n');
