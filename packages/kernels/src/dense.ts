import { opsFor, type KernelBackendName } from './kernel-backend.js';
import { KernelOptionError, KernelShapeError } from './errors.js';
import { Layout } from './internal/layout.js';
import { fillRows } from './internal/sequence-io.js';
import { copyArray, copyOut } from './internal/array-pool.js';
import { checkLength, positiveInt } from './internal/resolve-args.js';
import { checkTape } from './internal/tape-check.js';

/** Activations `denseForward` applies to its output (softmax over each row). */
export const DENSE_ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax'] as const;

/** One of {@link DENSE_ACTIVATIONS}. */
export type DenseActivation = (typeof DENSE_ACTIVATIONS)[number];

/** Inputs of `denseForward`: a Keras `Dense` layer on a batch of rows. */
export interface DenseArgs {
  /** Input `[rows, inputSize]` row-major. */
  x: Float32Array;
  /** Number of rows in `x` (batch, or batch·timesteps under TimeDistributed). */
  rows: number;
  /** Width of the output. `inputSize` is inferred from `kernel`. */
  units: number;
  /** Weights `[inputSize, units]` (Keras layout). */
  kernel: Float32Array;
  /** Bias `[units]`; zeros when omitted. */
  bias?: Float32Array;
  /** Output activation; default `'linear'`. */
  activation?: DenseActivation;
  /** Keep what the backward pass needs; default true. */
  keepTape?: boolean;
  /** Force a backend for this call; default `kernelBackend()`. */
  backend?: KernelBackendName;
}

/** What `denseBackward` needs from a forward pass; treat it as opaque. */
export interface DenseTape {
  readonly kind: 'dense';
  readonly backend: KernelBackendName;
  readonly rows: number;
  readonly inputSize: number;
  readonly units: number;
  readonly activation: DenseActivation;
  /** Copies of the input and the kernel. */
  readonly x: Float32Array;
  readonly kernel: Float32Array;
  /** The activated output `[rows, units]`: every activation's derivative is read from it. */
  readonly y: Float32Array;
}

/** Gradients returned by `denseBackward`. */
export interface DenseGradients {
  /** Gradient of `x` `[rows, inputSize]`; null with `inputGradient: false`. */
  dx: Float32Array | null;
  /** Gradient of `kernel` `[inputSize, units]`. */
  dKernel: Float32Array;
  /** Gradient of the bias `[units]` (returned even when no bias was given). */
  dBias: Float32Array;
}

function activate(y: Float32Array, rows: number, units: number, activation: DenseActivation): void {
  const n = rows * units;
  if (activation === 'relu') for (let i = 0; i < n; i++) y[i] = y[i] > 0 ? y[i] : 0;
  else if (activation === 'sigmoid') for (let i = 0; i < n; i++) y[i] = 1 / (1 + Math.exp(-y[i]));
  else if (activation === 'tanh') for (let i = 0; i < n; i++) y[i] = Math.tanh(y[i]);
  else if (activation === 'softmax') {
    for (let r = 0; r < rows; r++) {
      const o = r * units;
      let max = -Infinity;
      for (let j = 0; j < units; j++) max = Math.max(max, y[o + j]);
      let sum = 0;
      for (let j = 0; j < units; j++) sum += y[o + j] = Math.exp(y[o + j] - max);
      for (let j = 0; j < units; j++) y[o + j] /= sum;
    }
  }
}

/** dz = dy · act'(z), written at heap[dz], with act' read from the activated output y. */
function activationGradient(heap: Float32Array, dz: number, y: Float32Array, dy: Float32Array, rows: number, units: number, activation: DenseActivation): void {
  const n = rows * units;
  if (activation === 'linear') heap.set(dy, dz);
  else if (activation === 'relu') for (let i = 0; i < n; i++) heap[dz + i] = y[i] > 0 ? dy[i] : 0;
  else if (activation === 'sigmoid') for (let i = 0; i < n; i++) heap[dz + i] = dy[i] * y[i] * (1 - y[i]);
  else if (activation === 'tanh') for (let i = 0; i < n; i++) heap[dz + i] = dy[i] * (1 - y[i] * y[i]);
  else {
    // softmax: dz_j = y_j · (dy_j − Σ_k dy_k·y_k), per row.
    for (let r = 0; r < rows; r++) {
      const o = r * units;
      let dot = 0;
      for (let j = 0; j < units; j++) dot += dy[o + j] * y[o + j];
      for (let j = 0; j < units; j++) heap[dz + o + j] = y[o + j] * (dy[o + j] - dot);
    }
  }
}

/**
 * A Keras `Dense` layer on Float32Arrays: `activation(x·kernel + bias)`, the product in the
 * kernels' matrix multiply (WebAssembly SIMD where available).
 *
 * @param args input, weights and options (see `DenseArgs`)
 * @returns the output `[rows, units]` and the tape for `denseBackward`
 * @throws KernelShapeError when an array's length does not match the sizes given
 * @throws KernelOptionError for a non-positive size or an unknown activation
 * @example
 * import { denseForward } from '@lstm-kit/kernels';
 * const { output } = denseForward({ x: new Float32Array([1, 2]), rows: 1, units: 1, kernel: new Float32Array([0.5, 0.25]), activation: 'relu' });
 * console.log(output); // Float32Array [1]
 */
export function denseForward(args: DenseArgs): { output: Float32Array; tape: DenseTape | null } {
  const fn = 'denseForward';
  const { rows, units } = args;
  positiveInt(rows, 'rows', fn);
  positiveInt(units, 'units', fn);
  const activation = args.activation ?? 'linear';
  if (!(DENSE_ACTIVATIONS as readonly string[]).includes(activation)) {
    throw new KernelOptionError(`${fn}: unknown activation '${String(activation)}'; expected one of ${DENSE_ACTIVATIONS.join(', ')}`);
  }
  const n = args.kernel.length / units;
  if (!Number.isInteger(n) || n < 1) {
    throw new KernelShapeError(`${fn}: expected kernel with shape [inputSize, units] = [?, ${units}], got ${args.kernel.length} values, not a multiple of units`);
  }
  checkLength(args.x, rows * n, 'x', `[rows, inputSize] = [${rows}, ${n}]`, fn);
  checkLength(args.bias, units, 'bias', `[units] = [${units}]`, fn);
  const ops = opsFor(args.backend);

  const L = new Layout(ops.base);
  const x = L.take(rows * n);
  const W = L.take(n * units);
  const z = L.take(rows * units);
  const scratch = L.take(ops.gemmScratchSize(units, n));
  const heap = ops.reserve(L.end);
  heap.set(args.x, x);
  heap.set(args.kernel, W);
  fillRows(heap, z, rows, units, args.bias);
  ops.gemm(x, W, z, rows, units, n, n, 1, units, 1, true, scratch);
  const output = copyOut(heap, z, rows * units);
  activate(output, rows, units, activation);

  const tape: DenseTape | null =
    args.keepTape === false
      ? null
      : { kind: 'dense', backend: ops.name, rows, inputSize: n, units, activation, x: copyArray(args.x), kernel: copyArray(args.kernel), y: copyArray(output) };
  return { output, tape };
}

/**
 * Back-propagates through a `denseForward` call: the activation's derivative from the output,
 * then xᵀ·dz, the column sums of dz and (unless skipped) dz·kernelᵀ.
 *
 * @param tape the `tape` of the forward result
 * @param dOutput gradient of the output `[rows, units]`
 * @param options `inputGradient: false` skips dx (the input is data); default true
 * @returns gradients of x, the kernel and the bias
 * @throws KernelOptionError when the tape is missing, foreign or released
 * @throws KernelShapeError when dOutput's length does not match the forward output
 * @example
 * const fwd = denseForward(args);
 * const { dKernel } = denseBackward(fwd.tape!, new Float32Array(fwd.output.length).fill(1));
 */
export function denseBackward(tape: DenseTape, dOutput: Float32Array, options?: { inputGradient?: boolean }): DenseGradients {
  const fn = 'denseBackward';
  checkTape(tape, 'dense', fn);
  const { rows, inputSize: n, units } = tape;
  checkLength(dOutput, rows * units, 'dOutput', `[rows, units] = [${rows}, ${units}]`, fn);
  const ops = opsFor(tape.backend);

  const L = new Layout(ops.base);
  const x = L.take(rows * n);
  const W = L.take(n * units);
  const dz = L.take(rows * units);
  const dW = L.take(n * units);
  const dB = L.take(units);
  const dx = L.take(rows * n);
  const scratch = L.take(Math.max(ops.gemmScratchSize(units, rows), ops.gemmScratchSize(n, units)));
  const heap = ops.reserve(L.end);
  heap.set(tape.x, x);
  heap.set(tape.kernel, W);
  activationGradient(heap, dz, tape.y, dOutput, rows, units, tape.activation);

  ops.gemm(x, dz, dW, n, units, rows, 1, n, units, 1, false, scratch);
  heap.fill(0, dB, dB + units);
  ops.colSumAccumulate(dz, rows, units, dB);
  const wantDx = options?.inputGradient !== false;
  if (wantDx) ops.gemm(dz, W, dx, rows, n, units, units, 1, 1, units, false, scratch);
  return {
    dx: wantDx ? copyOut(heap, dx, rows * n) : null,
    dKernel: copyOut(heap, dW, n * units),
    dBias: copyOut(heap, dB, units),
  };
}
