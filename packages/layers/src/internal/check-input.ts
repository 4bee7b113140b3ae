import { LayerConfigError, LayerShapeError } from '../errors';

/** The shape of a tensor or symbolic tensor, or of the first of an array of them. */
export function shapeOfInput(inputs: unknown): (number | null)[] | null {
  const first = Array.isArray(inputs) ? inputs[0] : inputs;
  const shape = (first as { shape?: (number | null)[] } | null)?.shape;
  return Array.isArray(shape) ? shape : null;
}

function show(shape: (number | null)[]): string {
  return `[${shape.map((d) => (d == null ? 'null' : String(d))).join(', ')}]`;
}

/**
 * Recurrent layers take `[batch, timesteps, features]`; tfjs's own message ("expected
 * ndim=3, found ndim=2") does not say how to fix it, so check first and say so.
 */
export function checkSequenceInput(type: string, layerName: string, shape: (number | null)[] | null, stateful: boolean): void {
  if (!shape) return;
  if (shape.length !== 3) {
    const n = shape[0];
    const fix =
      shape.length === 2
        ? `reshape with reshape(x, [${n ?? 'samples'}, ${shape[1] ?? 'timesteps'}, 1]) for one feature per step, or [${n ?? 'samples'}, 1, ${shape[1] ?? 'features'}] for one step; as the first layer give inputShape: [timesteps, features]; ` +
          // The usual way to hit this inside a model: an encoder LSTM's last output fed straight to a decoder.
          `after an encoder LSTM, put repeatVector({ n: outputSteps }) before this decoder (or give the layer before it returnSequences: true)`
        : `give inputShape: [timesteps, features] and data of shape [samples, timesteps, features]`;
    throw new LayerShapeError(`expected input with shape [batch, timesteps, features] for ${type} '${layerName}', got ${show(shape)}; ${fix}`);
  }
  if (stateful && shape[0] == null) {
    throw new LayerConfigError(
      `stateful ${type} '${layerName}' needs a fixed batch size, got input shape ${show(shape)}; give the first layer batchInputShape: [batchSize, ${shape[1] ?? 'timesteps'}, ${shape[2]}] (and predict with that batch size)`,
    );
  }
}
