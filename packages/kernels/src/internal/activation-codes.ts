import type { Activation } from '../activation.js';
import { KernelOptionError } from '../errors.js';

// Must match the constants in assembly/activations.ts.
const CODES: Record<Activation, number> = { linear: 0, tanh: 1, sigmoid: 2, relu: 3, hardSigmoid: 4 };

/** Numeric code of an activation for the wasm and JS cell routines. */
export function activationCode(name: Activation, option: string): number {
  const code = CODES[name];
  if (code === undefined) {
    throw new KernelOptionError(
      `unknown ${option} '${String(name)}'; expected one of ${Object.keys(CODES).join(', ')}`,
    );
  }
  return code;
}

/** Applies activation `code` to one value (JS path). */
export function applyActivation(x: number, code: number): number {
  switch (code) {
    case 1: return Math.tanh(x);
    case 2: return 1 / (1 + Math.exp(-x));
    case 3: return x > 0 ? x : 0;
    case 4: return Math.min(1, Math.max(0, 0.2 * x + 0.5));
    default: return x;
  }
}

/** Derivative of activation `code` given its output y, so the tape need not keep pre-activations. */
export function activationGradFromOutput(y: number, code: number): number {
  switch (code) {
    case 1: return 1 - y * y;
    case 2: return y * (1 - y);
    case 3: return y > 0 ? 1 : 0;
    case 4: return y > 0 && y < 1 ? 0.2 : 0;
    default: return 1;
  }
}
