import type { Activation } from '../activation.js';
import { KernelOptionError, KernelShapeError } from '../errors.js';
import type { RecurrentArgs } from '../recurrent-args.js';
import { activationCode } from './activation-codes.js';

/** Sizes and option codes of one kernel call, checked against the arrays given. */
export interface Resolved {
  batch: number;
  timesteps: number;
  inputSize: number;
  units: number;
  act: number;
  recAct: number;
  returnSequences: boolean;
  goBackwards: boolean;
}

/** Rejects a size that is not a positive integer, naming it. */
export function positiveInt(v: number, name: string, fn: string): void {
  if (!Number.isInteger(v) || v < 1) {
    throw new KernelOptionError(`${fn}: ${name} must be a positive integer, got ${String(v)}`);
  }
}

/** Checks an optional array's length; a wrong one gets a message naming the shape. */
export function checkLength(a: ArrayLike<number> | undefined, n: number, name: string, shape: string, fn: string): void {
  if (a !== undefined && a.length !== n) {
    throw new KernelShapeError(`${fn}: expected ${name} with shape ${shape} (${n} values), got ${a.length} values; reshape it or pass the matching sizes`);
  }
}

/**
 * Validates the arguments of a kernel with `k` gates and a bias of `biasRows` rows of k·units,
 * and infers inputSize from the kernel.
 */
export function resolveArgs(args: RecurrentArgs & { recurrentActivation?: Activation }, k: number, biasRows: number, fn: string): Resolved {
  const { batch, timesteps, units } = args;
  positiveInt(batch, 'batch', fn);
  positiveInt(timesteps, 'timesteps', fn);
  positiveInt(units, 'units', fn);
  const ku = k * units;
  checkLength(args.recurrentKernel, units * ku, 'recurrentKernel', `[units, ${k}·units] = [${units}, ${ku}]`, fn);
  const inputSize = args.kernel.length / ku;
  if (!Number.isInteger(inputSize) || inputSize < 1) {
    throw new KernelShapeError(`${fn}: expected kernel with shape [inputSize, ${k}·units] = [inputSize, ${ku}], got ${args.kernel.length} values, not a multiple of ${ku}; check units`);
  }
  checkLength(args.x, batch * timesteps * inputSize, 'x', `[batch, timesteps, inputSize] = [${batch}, ${timesteps}, ${inputSize}]`, fn);
  checkLength(args.bias, biasRows * ku, 'bias', biasRows === 1 ? `[${ku}]` : `[${biasRows}, ${ku}]`, fn);
  checkLength(args.h0, batch * units, 'h0', `[batch, units] = [${batch}, ${units}]`, fn);
  checkLength(args.mask, batch * timesteps, 'mask', `[batch, timesteps] = [${batch}, ${timesteps}]`, fn);
  return {
    batch,
    timesteps,
    inputSize,
    units,
    act: activationCode(args.activation ?? 'tanh', 'activation'),
    recAct: activationCode(args.recurrentActivation ?? 'sigmoid', 'recurrentActivation'),
    returnSequences: args.returnSequences ?? false,
    goBackwards: args.goBackwards ?? false,
  };
}
