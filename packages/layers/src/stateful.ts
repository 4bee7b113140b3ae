import * as tf from '@tensorflow/tfjs';

/**
 * Clear (or set) the states of every stateful recurrent layer of a model, as Keras's
 * `model.reset_states()`; nested wrappers (Bidirectional, TimeDistributed) included. States are
 * cleared only by this call, never by predict or fit.
 *
 * @param model the model
 * @param states optional states per layer name (e.g. `{ lstm: [h, c] }`) instead of zeros; they are copied
 * @returns how many layers were reset
 * @example
 * for (let epoch = 0; epoch < 10; epoch++) {
 *   await model.fit(x, y, { epochs: 1, batchSize: 1, shuffle: false });
 *   resetStates(model);
 * }
 */
export function resetStates(model: tf.LayersModel, states: Record<string, tf.Tensor[]> = {}): number {
  let count = 0;
  const visit = (layer: any): void => {
    if (layer.stateful && typeof layer.resetStates === 'function' && layer.cell) {
      const given = states[layer.name];
      layer.resetStates(given);
      count++;
    }
    for (const inner of [layer.layer, layer.forwardLayer, layer.backwardLayer]) if (inner) visit(inner);
    if (Array.isArray(layer.layers)) layer.layers.forEach(visit);
  };
  model.layers.forEach(visit);
  return count;
}
