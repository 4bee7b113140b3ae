import type { Activation } from '../activation.js';

/** Activation in float64, from its definition (tfjs-layers' formulas). */
export function act64(x: number, name: Activation): number {
  switch (name) {
    case 'tanh': return Math.tanh(x);
    case 'sigmoid': return 1 / (1 + Math.exp(-x));
    case 'hardSigmoid': return Math.min(1, Math.max(0, 0.2 * x + 0.5));
    case 'relu': return Math.max(0, x);
    default: return x;
  }
}

/** Derivative at the pre-activation x, written independently of the kernels' output-based form. */
export function dact64(x: number, name: Activation): number {
  switch (name) {
    case 'tanh': { const t = Math.tanh(x); return 1 - t * t; }
    case 'sigmoid': { const s = 1 / (1 + Math.exp(-x)); return s * (1 - s); }
    case 'hardSigmoid': return x > -2.5 && x < 2.5 ? 0.2 : 0;
    case 'relu': return x > 0 ? 1 : 0;
    default: return 1;
  }
}
