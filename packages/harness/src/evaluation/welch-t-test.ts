import { describe } from './describe';
import { EvaluationError } from './errors';
import { studentTCdf } from './internal/student-t';

/** Options of {@link welchTTest}. */
export interface WelchTTestOptions {
  /**
   * The alternative hypothesis about mean(a) − mean(b): `'less'` (a is lower, e.g. a better
   * loss), `'greater'`, or `'two-sided'` (default, as scipy).
   */
  readonly alternative?: 'less' | 'greater' | 'two-sided';
}

/** The outcome of {@link welchTTest}. */
export interface WelchTTestResult {
  /** mean(a) − mean(b). */
  readonly meanDifference: number;
  /** Standard error of the difference, sqrt(var(a)/n_a + var(b)/n_b). */
  readonly standardError: number;
  /** The t statistic, meanDifference / standardError. */
  readonly t: number;
  /** Welch–Satterthwaite degrees of freedom (fractional). */
  readonly df: number;
  /** The p-value under the chosen alternative. */
  readonly pValue: number;
}

/**
 * Welch's t-test for two samples with possibly unequal variances (scipy's
 * `ttest_ind(a, b, equal_var=False)`): is the difference of means larger than the run-to-run
 * noise of the repeats would explain?
 *
 * @param a the first sample (e.g. a candidate's losses over repeats)
 * @param b the second sample (e.g. the baseline's losses over the same seeds)
 * @param options the alternative hypothesis
 * @returns difference, standard error, t, degrees of freedom and p-value
 * @throws EvaluationError when a sample has fewer than two values
 * @example
 * const r = welchTTest([0.10, 0.11, 0.09], [0.20, 0.22, 0.19], { alternative: 'less' });
 * r.pValue < 0.05; // true: the first sample's mean is lower beyond noise
 */
export function welchTTest(a: readonly number[], b: readonly number[], options: WelchTTestOptions = {}): WelchTTestResult {
  const alternative = options.alternative ?? 'two-sided';
  const da = describe(a);
  const db = describe(b);
  if (da.count < 2 || db.count < 2) {
    throw new EvaluationError(
      `expected at least two values in each sample for a t-test, got ${da.count} and ${db.count}; use repeats >= 2 (the course uses 5 or more)`,
    );
  }
  const va = (da.std * da.std) / da.count;
  const vb = (db.std * db.std) / db.count;
  const meanDifference = da.mean - db.mean;
  const standardError = Math.sqrt(va + vb);
  if (standardError === 0) {
    // Both samples constant (a fully deterministic trial): any difference is certain.
    const p = meanDifference === 0 ? 1 : pForExact(meanDifference, alternative);
    return { meanDifference, standardError, t: meanDifference === 0 ? 0 : Math.sign(meanDifference) * Infinity, df: da.count + db.count - 2, pValue: p };
  }
  const t = meanDifference / standardError;
  const df = (va + vb) ** 2 / ((va * va) / (da.count - 1) + (vb * vb) / (db.count - 1));
  const lower = studentTCdf(t, df);
  const pValue =
    alternative === 'less' ? lower : alternative === 'greater' ? 1 - lower : 2 * Math.min(lower, 1 - lower);
  return { meanDifference, standardError, t, df, pValue };
}

function pForExact(diff: number, alternative: 'less' | 'greater' | 'two-sided'): number {
  if (alternative === 'two-sided') return 0;
  return (alternative === 'less') === diff < 0 ? 0 : 1;
}
