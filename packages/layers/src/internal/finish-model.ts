import type * as tf from '@tensorflow/tfjs';
import type { CompileOptions } from '../recipes/compile-options';

/** Compile when the recipe's caller asked for it; Adam (Keras lr 0.001) when no optimizer is named. */
export function finishModel<M extends tf.LayersModel>(model: M, compile: CompileOptions | undefined): M {
  if (compile) {
    model.compile({ loss: compile.loss as any, optimizer: (compile.optimizer ?? 'adam') as any, metrics: compile.metrics });
  }
  return model;
}
