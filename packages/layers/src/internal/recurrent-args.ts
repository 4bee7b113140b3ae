import * as tf from '@tensorflow/tfjs';
import { createRng } from '@lstm-kit/sequence';
import { KERAS_DEFAULTS } from '../keras-defaults';
import { LayerConfigError } from '../errors';
import { uniqueLayerName } from '../layer-names';
import type { RecurrentImplementation, RecurrentOptions } from '../recurrent-options';
import { resolveInitializer } from './resolve-initializer';
import type { RecurrentKind, RecurrentSequenceCall } from './recurrent-path';

const D = KERAS_DEFAULTS.recurrent;
const IMPLEMENTATIONS: readonly RecurrentImplementation[] = ['auto', 'kernels', 'tfjs'];

/**
 * Turn lstm-kit recurrent options into the args tfjs's RNN constructors take, with Keras's
 * defaults filled in, seeded initializers when `seed` is given, and a Keras-style name.
 * Configs coming back from `fromConfig` (already complete) pass through unchanged.
 */
export function recurrentArgs(type: string, prefix: string, options: RecurrentOptions): Record<string, unknown> {
  if (options == null || !Number.isInteger(options.units) || options.units < 1) {
    throw new LayerConfigError(`expected units to be a positive integer for ${type}, got ${options?.units}; e.g. ${prefix}({ units: 25 })`);
  }
  for (const key of ['dropout', 'recurrentDropout'] as const) {
    const v = options[key];
    if (v != null && !(v >= 0 && v < 1)) {
      throw new LayerConfigError(`expected ${key} in [0, 1) for ${type}, got ${v}; it is the fraction of units dropped during training`);
    }
  }
  const impl = options.implementation;
  // Keras configs carry a numeric `implementation` (1 or 2): that is Keras's own mode switch,
  // not lstm-kit's compute path, so numbers mean 'auto'.
  if (impl != null && typeof impl === 'string' && !IMPLEMENTATIONS.includes(impl)) {
    throw new LayerConfigError(`expected implementation 'auto', 'kernels' or 'tfjs' for ${type}, got '${impl}'`);
  }
  const rng = options.seed !== undefined ? createRng(options.seed) : null;
  const kernelSeed = rng?.nextSeed();
  const recurrentSeed = rng?.nextSeed();
  const biasSeed = rng?.nextSeed();
  const { seed: _seed, implementation: _impl, ...rest } = options;
  return {
    ...rest,
    name: options.name ?? uniqueLayerName(prefix),
    activation: options.activation ?? D.activation,
    useBias: options.useBias ?? D.useBias,
    kernelInitializer: resolveInitializer(options.kernelInitializer, D.kernelInitializer, kernelSeed),
    recurrentInitializer: resolveInitializer(options.recurrentInitializer, D.recurrentInitializer, recurrentSeed),
    biasInitializer: resolveInitializer(options.biasInitializer, D.biasInitializer, biasSeed),
    dropout: options.dropout ?? D.dropout,
    recurrentDropout: options.recurrentDropout ?? D.recurrentDropout,
    returnSequences: options.returnSequences ?? D.returnSequences,
    returnState: options.returnState ?? D.returnState,
    goBackwards: options.goBackwards ?? D.goBackwards,
    stateful: options.stateful ?? D.stateful,
    implementation: D.kerasImplementation,
  };
}

/** The compute path chosen in the options (`auto` unless a valid string was given). */
export function implementationOf(options: RecurrentOptions): RecurrentImplementation {
  return typeof options?.implementation === 'string' ? options.implementation : 'auto';
}

/** Activation name of a tfjs activation object (`'tanh'`, `'sigmoid'`, …). */
function activationName(a: unknown): string {
  const cls = (a as { getClassName?: () => string } | null)?.getClassName?.();
  return cls ? cls.charAt(0).toLowerCase() + cls.slice(1) : 'linear';
}

/**
 * Describe a recurrent call in kernel terms (weights in Keras layout, states, mask) for the
 * fused path. Reads the layer's variables; tensors returned are owned by the caller's tidy.
 */
export function describeSequenceCall(
  kind: RecurrentKind,
  // tfjs's RNN internals (cell, states_) are not in its public typings.
  layer: any,
  inputs: tf.Tensor | tf.Tensor[],
  kwargs: Record<string, any> | undefined,
): RecurrentSequenceCall {
  const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
  const cell = layer.cell;
  // In a functional model, initial states arrive as extra inputs while `kwargs.initialState`
  // still holds the symbolic tensors the graph was built with.
  const given = Array.isArray(inputs) && inputs.length > 1 ? inputs.slice(1) : (kwargs?.initialState as tf.Tensor[] | undefined);
  let initialState = given != null && given.every((s) => s instanceof tf.Tensor) ? (given as tf.Tensor2D[]) : null;
  if (initialState == null && layer.stateful) initialState = layer.states_ ?? null;
  const rawMask = kwargs?.mask as tf.Tensor | tf.Tensor[] | undefined;
  const mask = (Array.isArray(rawMask) ? rawMask[0] : rawMask) ?? null;
  return {
    kind,
    inputs: x,
    kernel: cell.kernel.read(),
    recurrentKernel: cell.recurrentKernel.read(),
    bias: cell.bias ? cell.bias.read() : null,
    initialState,
    mask: mask instanceof tf.Tensor ? mask : null,
    training: kwargs?.training === true,
    units: cell.units,
    activation: activationName(cell.activation),
    recurrentActivation: cell.recurrentActivation ? activationName(cell.recurrentActivation) : null,
    goBackwards: layer.goBackwards,
    returnSequences: layer.returnSequences,
    returnState: layer.returnState,
    dropout: cell.dropout,
    recurrentDropout: cell.recurrentDropout,
    resetAfter: cell.resetAfter === true,
  };
}
