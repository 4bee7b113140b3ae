/**
 * A layer or recipe received an input whose shape does not fit it. The message says what
 * shape was expected, what arrived and how to fix it.
 *
 * @example
 * try { vanilla({ units: 25, timesteps: 5, features: 10, outputs: 10 }).predict(tf.zeros([20, 1])); }
 * catch (e) { if (e instanceof LayerShapeError) console.error(e.message); }
 */
export class LayerShapeError extends Error {
  override readonly name = 'LayerShapeError';
}

/**
 * A layer or recipe received options that cannot work together (a stateful layer without a
 * batch size, an unknown merge mode, an empty stack). The message says how to fix them.
 *
 * @example
 * try { stacked({ layers: [], timesteps: 5, features: 1, outputs: 1 }); }
 * catch (e) { if (e instanceof LayerConfigError) console.error(e.message); }
 */
export class LayerConfigError extends Error {
  override readonly name = 'LayerConfigError';
}
