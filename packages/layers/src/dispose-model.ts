import * as tf from '@tensorflow/tfjs';

interface LayerLike {
  stateful?: boolean;
  states_?: (tf.Tensor | null)[] | null;
  keptStates?: tf.Tensor[][];
  layer?: LayerLike;
  forwardLayer?: LayerLike;
  backwardLayer?: LayerLike;
  layers?: LayerLike[];
}

/**
 * Free everything a model holds: its weights, its optimizer's state (Adam's moment
 * estimates) and the states of its stateful recurrent layers.
 *
 * `model.dispose()` frees the weights only; a compiled model's optimizer keeps its slots, and
 * a stateful LSTM keeps its h and c state tensors, so a loop that builds and drops models
 * (repeats, grid searches, stateful labs) would grow memory without this.
 *
 * @param model a model built by lstm-kit or tfjs; it cannot be used afterwards
 * @returns the number of state tensors freed
 * @example
 * const model = vanilla({ units: 10, timesteps: 3, features: 1, outputs: 1, stateful: true, batchSize: 1 });
 * // … train and predict …
 * disposeModel(model);
 */
export function disposeModel(model: tf.LayersModel): number {
  const states: tf.Tensor[] = [];
  const visit = (layer: LayerLike): void => {
    if (layer.stateful && Array.isArray(layer.states_)) {
      for (const t of layer.states_) if (t != null && !t.isDisposed) states.push(t);
      layer.states_ = null;
    }
    // States of earlier batches that tfjs keeps for backpropagation until the next reset.
    if (Array.isArray(layer.keptStates)) {
      for (const kept of layer.keptStates) for (const t of kept) if (t != null && !t.isDisposed) states.push(t);
      layer.keptStates = [];
    }
    for (const inner of [layer.layer, layer.forwardLayer, layer.backwardLayer]) if (inner) visit(inner);
    if (Array.isArray(layer.layers)) layer.layers.forEach(visit);
  };
  (model.layers as unknown as LayerLike[]).forEach(visit);
  tf.dispose([...new Set(states)]);
  model.optimizer?.dispose();
  model.dispose();
  return states.length;
}
