// Second process of the B13 test: loads models saved by the test's process through the
// built package and prints their predictions on the toy inputs as JSON.
// Usage: node predict.mjs '<json: [{form, path, weights?}]>'
import * as tf from '@tensorflow/tfjs';
import { loadArchitecture, loadModel, loadWeights } from '../dist/index.js';

await tf.setBackend('cpu');
const jobs = JSON.parse(process.argv[2]);
const xs = [];
for (let i = 0; i < 8; i++) xs.push([[i / 10], [(i + 1) / 10], [(i + 2) / 10]]);
const results = {};
for (const job of jobs) {
  let model;
  if (job.form === 'apart') {
    model = await loadArchitecture(job.path);
    await loadWeights(model, job.weights);
  } else {
    model = await loadModel(job.path);
  }
  const x = tf.tensor3d(xs);
  const y = model.predict(x);
  results[job.form] = Array.from(y.dataSync());
  tf.dispose([x, y]);
  model.dispose();
}
process.stdout.write(`RESULT ${JSON.stringify(results)}\n`);
