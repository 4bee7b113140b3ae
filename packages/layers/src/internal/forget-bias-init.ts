import * as tf from '@tensorflow/tfjs';

interface LstmCellLike {
  units: number;
  useBias: boolean;
  unitForgetBias: boolean;
  biasInitializer: { apply(shape: number[], dtype?: tf.DataType): tf.Tensor };
  build(inputShape: unknown): void;
}

/**
 * Give an LSTM cell a forget-gate bias initializer that frees its intermediate tensors.
 *
 * tfjs-layers 4.22 builds the `unitForgetBias` bias from three initializer calls and two
 * concatenations outside `tidy`, leaking four tensors per LSTM built (and so per model
 * loaded or rebuilt in a loop). The same bias — the bias initializer's values with the
 * forget-gate quarter set to 1, as Keras does — is built here inside `tidy`. The cell's
 * config is untouched, so saved files still say `unitForgetBias: true`.
 */
export function tidyForgetBiasInit(cell: LstmCellLike): void {
  const stockBuild = cell.build.bind(cell);
  cell.build = (inputShape: unknown) => {
    if (!cell.unitForgetBias || !cell.useBias) return stockBuild(inputShape);
    const init = cell.biasInitializer;
    const units = cell.units;
    cell.unitForgetBias = false;
    cell.biasInitializer = {
      apply: (_shape: number[], dtype?: tf.DataType) =>
        tf.tidy(() =>
          tf.concat([init.apply([units], dtype), tf.ones([units], dtype), init.apply([units * 2], dtype)], 0),
        ),
    };
    try {
      stockBuild(inputShape);
    } finally {
      cell.unitForgetBias = true;
      cell.biasInitializer = init;
    }
  };
}
