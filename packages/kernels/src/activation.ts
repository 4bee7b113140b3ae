/**
 * An activation a recurrent kernel can apply, named as in tfjs-layers. `hardSigmoid` is
 * tfjs's `clip(0.2·x + 0.5, 0, 1)` (Keras 3 uses x/6 + 0.5; tfjs parity wins here).
 */
export type Activation = 'tanh' | 'sigmoid' | 'hardSigmoid' | 'relu' | 'linear';

/** Every activation name the kernels accept, for validation and for property tests. */
export const ACTIVATIONS: readonly Activation[] = ['tanh', 'sigmoid', 'hardSigmoid', 'relu', 'linear'];
