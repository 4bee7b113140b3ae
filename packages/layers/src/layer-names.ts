/**
 * Keras-style layer names: the first LSTM of a session is `lstm`, the next `lstm_1`, and so on,
 * so that `summary()` reads like the course's Keras output instead of tfjs's `lstm_LSTM1`.
 */
const counters = new Map<string, number>();

/**
 * The next Keras-style name for a layer or model prefix (`lstm`, `lstm_1`, `lstm_2`, …).
 *
 * @param prefix the Keras snake_case prefix, e.g. `lstm`, `dense`, `time_distributed`
 * @returns a name unique within this session
 * @example
 * uniqueLayerName('dense'); // 'dense' the first time, then 'dense_1'
 */
export function uniqueLayerName(prefix: string): string {
  const n = counters.get(prefix) ?? 0;
  counters.set(prefix, n + 1);
  return n === 0 ? prefix : `${prefix}_${n}`;
}

/**
 * Restart Keras-style naming, like `keras.backend.clear_session()`: the next LSTM is `lstm`
 * again. Layers that already exist keep their names.
 *
 * @example
 * clearSession();
 * lstm({ units: 4 }).name; // 'lstm'
 */
export function clearSession(): void {
  counters.clear();
}
