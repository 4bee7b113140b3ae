// The writer the kill test kills: saves a large model to one path over and over, printing
// "saving" before each save, so the test can kill it while a save is in progress.
// Usage: node save-forever.mjs <path> <directory|file>
import * as tf from '@tensorflow/tfjs';
import { saveModel } from '../dist/index.js';

await tf.setBackend('cpu');
const [path, format] = process.argv.slice(2);
// About 32 MB of weights, so that one save takes long enough to be interrupted.
const model = tf.sequential({
  layers: [tf.layers.dense({ units: 2000, inputShape: [4000], kernelInitializer: 'zeros', biasInitializer: 'ones' })],
});
for (;;) {
  process.stdout.write('saving\n');
  await saveModel(model, path, { format });
  process.stdout.write('saved\n');
}
