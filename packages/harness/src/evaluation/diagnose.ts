import { HistoryError } from './errors';

/** A Keras-style history: `{ loss: [...], val_loss: [...] }`, or an object holding one in `history` (tfjs' `History`). */
export type HistoryLike =
  | Readonly<Record<string, ArrayLike<number>>>
  | { readonly history: Readonly<Record<string, ArrayLike<number>>> };

/** Options of {@link diagnose}; the defaults suit the course's curves and are written here once. */
export interface DiagnoseOptions {
  /** The metric to judge (default `'loss'`); its validation curve is `'val_' + monitor`. */
  readonly monitor?: string;
  /** Epochs at the end over which slopes are fitted (default: a tenth of the epochs, at least 3). */
  readonly window?: number;
  /**
   * A curve is still improving when the fitted drop over the last window is more than this
   * fraction of all the improvement so far (default 0.02: an exponential decay is still improving until about 2.8 time constants), and the slope is beyond noise.
   */
  readonly improvingFraction?: number;
  /** Over-fit needs the final validation loss this far above its minimum, relative to the minimum (default 0.1, i.e. 10%). */
  readonly riseRatio?: number;
  /**
   * Without `acceptableLoss`, a flat training curve ending above this fraction of its initial
   * loss counts as a model too small to learn (default 0.25).
   */
  readonly plateauRatio?: number;
  /**
   * The loss a useful model reaches on this problem, when you know it (e.g. the noise floor,
   * or a naive forecast's loss); a flat curve ending above it is "too small to learn".
   */
  readonly acceptableLoss?: number;
}

/** What {@link diagnose} concludes about a run's learning curves. */
export interface Diagnosis {
  /** The course's three verdicts. */
  readonly verdict: 'under-fit' | 'good fit' | 'over-fit';
  /** Which kind: under-fit is `still improving` or `too small to learn`; over-fit is `validation turns up`; a good fit has `converged`. */
  readonly kind: 'still improving' | 'too small to learn' | 'converged' | 'validation turns up';
  /** The numbers behind the verdict, one sentence each. */
  readonly evidence: string[];
  /** The next step the course suggests for this verdict. */
  readonly suggestion: string;
  /** Number of epochs in the history. */
  readonly epochs: number;
  /** Epochs (at the end) the slopes were fitted over. */
  readonly window: number;
  /** Mean training loss over the last window. */
  readonly finalLoss: number;
  /** Mean validation loss over the last window, when there is a validation curve. */
  readonly finalValLoss?: number;
  /** Fitted change per epoch over the last window, per curve. */
  readonly slopes: { readonly loss: number; readonly val_loss?: number };
  /** 1-based epoch (as Keras prints "Epoch n/N") of the validation minimum. */
  readonly minValEpoch?: number;
  /** The validation loss at `minValEpoch`. */
  readonly minValLoss?: number;
  /** 1-based epoch from which the validation loss stays clearly above its minimum (over-fit only). */
  readonly turnUpEpoch?: number;
}

const DEFAULTS = { monitor: 'loss', improvingFraction: 0.02, riseRatio: 0.1, plateauRatio: 0.25 } as const;

const SUGGESTIONS = {
  'still improving': 'train for more epochs: the curves were still falling when training stopped',
  'too small to learn':
    'give the model more capacity (more memory cells or layers) or a stronger optimiser (e.g. Adam instead of SGD, a tuned learning rate): the curves flattened at a high loss',
  converged: 'keep this set-up; confirm it is robust with repeat() over several seeds',
  'validation turns up':
    'stop at the validation minimum (early stopping on val_loss with patience, restoring the best weights), or regularise (dropout, weight penalties) or add data',
} as const;

/**
 * Diagnose learning curves as the course does (lesson 12): under-fit (still improving, or too
 * small to learn), good fit, or over-fit (the validation loss reaches a minimum and turns up),
 * with the numbers that support the verdict and the next step to take. Works with or without
 * a validation curve (without one, over-fit cannot be seen and is never reported). Noise is
 * handled by judging slopes against their standard error and rises against the curve's
 * epoch-to-epoch noise (estimated from second differences, which ignore smooth trends).
 *
 * @param history a Keras-keyed history (`loss`, optionally `val_loss`), or tfjs' History object
 * @param options which metric, the window and the thresholds
 * @returns the verdict, its kind, evidence, a suggestion and the key epochs (1-based)
 * @throws HistoryError when the monitored curve is missing, shorter than 3 epochs, of a different length than its validation curve, or not finite
 * @example
 * const h = await model.fit(x, y, { epochs: 100, validationData: [xv, yv] });
 * const d = diagnose(h.history);
 * console.log(d.verdict, d.kind, d.suggestion); // 'under-fit' 'still improving' ...
 */
export function diagnose(history: HistoryLike, options: DiagnoseOptions = {}): Diagnosis {
  const monitor = options.monitor ?? DEFAULTS.monitor;
  const improvingFraction = options.improvingFraction ?? DEFAULTS.improvingFraction;
  const riseRatio = options.riseRatio ?? DEFAULTS.riseRatio;
  const plateauRatio = options.plateauRatio ?? DEFAULTS.plateauRatio;
  const record = unwrap(history);
  const train = readCurve(record, monitor, true)!;
  const val = readCurve(record, `val_${monitor}`, false);
  const n = train.length;
  if (val && val.length !== n) {
    throw new HistoryError(
      `expected '${monitor}' and 'val_${monitor}' to have one value per epoch each, got ${n} and ${val.length}; pass the history of one fit() call`,
    );
  }
  const k = Math.min(n, Math.max(3, options.window ?? Math.round(n / 10)));
  // Smoothing half-width: wide enough to average out epoch noise, narrow enough (2% of the
  // run) that the minimum of a V-shaped validation curve does not move.
  const h = Math.max(1, Math.floor(n / 50));
  const evidence: string[] = [];
  const trainFit = tailSlope(train, k);
  const trainEnd = mean(train.slice(n - k));
  evidence.push(`${n} epochs; slopes fitted over the last ${k}`);
  evidence.push(
    `training ${monitor}: first ${fmt(train[0])}, mean of last ${k} epochs ${fmt(trainEnd)}, slope ${fmt(trainFit.slope)} per epoch`,
  );
  let valFit: Fit | undefined;
  let valEnd: number | undefined;
  let minValEpoch: number | undefined;
  let minValLoss: number | undefined;
  let turnUpEpoch: number | undefined;
  let overfit = false;
  if (val) {
    valFit = tailSlope(val, k);
    valEnd = mean(val.slice(n - k));
    const vs = smooth(val, h);
    const m = argmin(vs);
    // Report the raw minimum near the smoothed one: the epoch a user would restore.
    const lo = Math.max(0, m - h);
    const rawMin = lo + argmin(val.slice(lo, Math.min(n, m + h + 1)));
    minValEpoch = rawMin + 1;
    minValLoss = val[rawMin];
    const sigma = noiseLevel(val);
    const vmin = vs[m];
    const rise = valEnd - vmin;
    evidence.push(
      `validation ${monitor}: first ${fmt(val[0])}, mean of last ${k} epochs ${fmt(valEnd)}, slope ${fmt(valFit.slope)} per epoch`,
    );
    evidence.push(`validation minimum ${fmt(minValLoss)} at epoch ${minValEpoch}`);
    evidence.push(`train/validation gap at the end ${fmt(valEnd - trainEnd)} (validation minus training)`);
    const minBeforeWindow = m < n - k;
    const risesEnough = rise > riseRatio * Math.abs(vmin);
    const beyondNoise = rise > 3 * sigma;
    if (minBeforeWindow && risesEnough && beyondNoise) {
      overfit = true;
      const threshold = vmin + Math.max(0.1 * rise, 2 * sigma);
      let e = n - 1;
      while (e > m && vs[e - 1] > threshold) e--;
      turnUpEpoch = e + 1;
      evidence.push(
        `validation turns up: from its minimum it rises ${fmt(rise)} (${pct(rise / Math.abs(vmin))} of the minimum, noise level ${fmt(sigma)}), staying above it from epoch ${turnUpEpoch}`,
      );
      evidence.push(`training ${monitor} over the same window: slope ${fmt(trainFit.slope)} per epoch (the gap widens)`);
    } else if (m >= n - k) {
      evidence.push(`the validation minimum lies in the last ${k} epochs: no turn-up`);
    } else {
      evidence.push(
        `validation rise after its minimum ${fmt(Math.max(0, rise))} is within ${pct(riseRatio)} of the minimum or 3× the noise level ${fmt(sigma)}: no turn-up`,
      );
    }
  }
  const base = { epochs: n, window: k, finalLoss: trainEnd, finalValLoss: valEnd, minValEpoch, minValLoss };
  const slopes = val ? { loss: trainFit.slope, val_loss: valFit!.slope } : { loss: trainFit.slope };
  if (overfit) {
    return { verdict: 'over-fit', kind: 'validation turns up', evidence, suggestion: SUGGESTIONS['validation turns up'], slopes, ...base, turnUpEpoch };
  }
  // Judge further progress on the validation curve when there is one: it is what more
  // training is supposed to improve.
  const judged = val ?? train;
  const judgedFit = valFit ?? trainFit;
  const judgedName = val ? `validation ${monitor}` : `training ${monitor}`;
  const js = smooth(judged, h);
  const jMin = argmin(js);
  const total = Math.max(...js.slice(0, jMin + 1)) - js[jMin];
  const drop = -judgedFit.slope * (k - 1);
  const significant = judgedFit.slope < 0 && (judgedFit.se === 0 || judgedFit.slope / judgedFit.se < -3);
  if (total > 0 && drop > improvingFraction * total && significant) {
    evidence.push(
      `${judgedName} still falling: ${fmt(drop)} over the last ${k} epochs, ${pct(drop / total)} of its whole improvement ${fmt(total)} (t = ${tStat(judgedFit)})`,
    );
    return { verdict: 'under-fit', kind: 'still improving', evidence, suggestion: SUGGESTIONS['still improving'], slopes, ...base };
  }
  evidence.push(
    `${judgedName} has flattened: ${fmt(Math.max(0, drop))} over the last ${k} epochs, ${pct(total > 0 ? Math.max(0, drop) / total : 0)} of its whole improvement ${fmt(total)}`,
  );
  const trainStart = Math.max(...smooth(train, h).slice(0, argmin(smooth(train, h)) + 1));
  const ratio = trainEnd / trainStart;
  let tooSmall: boolean;
  if (options.acceptableLoss !== undefined) {
    const finalJudged = valEnd ?? trainEnd;
    tooSmall = finalJudged > options.acceptableLoss;
    evidence.push(`final ${judgedName} ${fmt(finalJudged)} ${tooSmall ? 'above' : 'within'} the acceptable loss ${fmt(options.acceptableLoss)}`);
  } else {
    tooSmall = !(trainStart > 0) || ratio > plateauRatio;
    evidence.push(
      `training ${monitor} ends at ${pct(ratio)} of its initial ${fmt(trainStart)} (${tooSmall ? 'above' : 'within'} the ${pct(plateauRatio)} a model that learns the problem reaches)`,
    );
  }
  if (tooSmall) {
    return { verdict: 'under-fit', kind: 'too small to learn', evidence, suggestion: SUGGESTIONS['too small to learn'], slopes, ...base };
  }
  return { verdict: 'good fit', kind: 'converged', evidence, suggestion: SUGGESTIONS.converged, slopes, ...base };
}

interface Fit {
  slope: number;
  se: number;
}

function unwrap(history: HistoryLike): Readonly<Record<string, ArrayLike<number>>> {
  if (typeof history !== 'object' || history === null) {
    throw new HistoryError(`expected a history object like { loss: [...], val_loss: [...] }, got ${history === null ? 'null' : typeof history}`);
  }
  const inner = (history as { history?: unknown }).history;
  if (typeof inner === 'object' && inner !== null && !Array.isArray(inner) && !ArrayBuffer.isView(inner)) {
    return inner as Record<string, ArrayLike<number>>;
  }
  return history as Record<string, ArrayLike<number>>;
}

function readCurve(record: Readonly<Record<string, ArrayLike<number>>>, key: string, required: boolean): number[] | undefined {
  const raw = record[key];
  if (raw === undefined) {
    if (!required) return undefined;
    const keys = Object.keys(record).join(', ') || 'none';
    throw new HistoryError(`expected the history to have a '${key}' curve, got keys: ${keys}; pass monitor with one of them`);
  }
  if (typeof raw !== 'object' || raw === null || typeof raw.length !== 'number') {
    throw new HistoryError(`expected '${key}' to be an array with one value per epoch, got ${typeof raw}`);
  }
  const values = Array.from(raw, Number);
  if (values.length < 3) {
    throw new HistoryError(`expected at least 3 epochs in '${key}' to judge a learning curve, got ${values.length}; train longer`);
  }
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      throw new HistoryError(
        `expected finite values in '${key}', got ${v} at epoch ${i + 1}; the run diverged: lower the learning rate or scale the data`,
      );
    }
  });
  return values;
}

/** Least-squares slope of the last k values and its standard error. */
function tailSlope(values: number[], k: number): Fit {
  const ys = values.slice(values.length - k);
  const xm = (k - 1) / 2;
  const ym = mean(ys);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < k; i++) {
    sxx += (i - xm) ** 2;
    sxy += (i - xm) * (ys[i] - ym);
  }
  const slope = sxy / sxx;
  let sse = 0;
  for (let i = 0; i < k; i++) sse += (ys[i] - ym - slope * (i - xm)) ** 2;
  const se = k > 2 ? Math.sqrt(sse / (k - 2) / sxx) : 0;
  return { slope, se };
}

/** Centred moving average, shrinking at the ends so the first and last epochs keep their place. */
function smooth(values: number[], h: number): number[] {
  const n = values.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - h);
    const hi = Math.min(n - 1, i + h);
    let s = 0;
    for (let j = lo; j <= hi; j++) s += values[j];
    out[i] = s / (hi - lo + 1);
  }
  return out;
}

/**
 * Epoch-to-epoch noise: the median absolute second difference, scaled to a standard deviation
 * (white noise of std σ has second differences of std σ·√6, and 1.4826·MAD estimates a std).
 * Second differences cancel smooth trends, so a steep but clean curve reads as noiseless.
 */
function noiseLevel(values: number[]): number {
  const d: number[] = [];
  for (let i = 2; i < values.length; i++) d.push(Math.abs(values[i] - 2 * values[i - 1] + values[i - 2]));
  d.sort((a, b) => a - b);
  const med = d.length % 2 ? d[(d.length - 1) / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
  return (1.4826 * med) / Math.sqrt(6);
}

function argmin(values: number[]): number {
  let m = 0;
  for (let i = 1; i < values.length; i++) if (values[i] < values[m]) m = i;
  return m;
}

function mean(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

function fmt(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? v.toFixed(4) : v.toExponential(3);
}

function pct(f: number): string {
  return `${(100 * f).toFixed(1)}%`;
}

function tStat(fit: Fit): string {
  return fit.se === 0 ? '-inf' : (fit.slope / fit.se).toFixed(1);
}
