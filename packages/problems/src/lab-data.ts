import { type NdArray, ndarray } from '@lstm-kit/sequence';

/** A fixed data set of the labs: model-ready arrays plus the raw values. */
export interface LabData {
  /** Inputs, `[samples, timesteps, features]`. */
  readonly x: NdArray;
  /** Targets, `[samples, outputs]`. */
  readonly y: NdArray;
}

/** {@link linearData}: X = 1…20 and y = 10·X. */
export interface LinearData extends LabData {
  readonly inputs: number[];
  readonly targets: number[];
}

/** {@link productData}: two features and their product. */
export interface ProductData extends LabData {
  readonly x1: number[];
  readonly x2: number[];
  readonly products: number[];
}

/** {@link labSeries}: the series 10…90 and its 3-in / 2-out windows. */
export interface LabSeriesData extends LabData {
  readonly series: number[];
}

/** {@link fitDiagnosisData}: the toy training and validation sets. */
export interface FitDiagnosisData {
  readonly train: LabData;
  readonly validation: LabData;
}

const range = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));

/**
 * The one-to-one, one-feature lab data: X = 1, 2, …, 20 and y = 10·X, one time step per
 * sample (lab L1; a trained model should predict about 300 for X = 30).
 *
 * @returns `x` `[20, 1, 1]`, `y` `[20, 1]`, and the raw `inputs` and `targets`
 * @example
 * const { x, y } = linearData();
 * x.shape; // [20, 1, 1]
 * y.data[19]; // 200
 */
export function linearData(): LinearData {
  const inputs = range(20, (i) => i + 1);
  const targets = inputs.map((v) => 10 * v);
  return { x: ndarray(inputs, [20, 1, 1]), y: ndarray(targets, [20, 1]), inputs, targets };
}

/**
 * The one-to-one, two-feature lab data: X1 = 2, 4, …, 40, X2 = 3, 6, …, 60 and y = X1·X2
 * (lab L2; predicting [55, 80], true 4400, shows how poorly an unscaled model extrapolates).
 *
 * @returns `x` `[20, 1, 2]` (features X1, X2), `y` `[20, 1]`, and the raw columns
 * @example
 * const { x, y } = productData();
 * Array.from(x.data.subarray(0, 2)); // [2, 3]
 * y.data[0]; // 6
 */
export function productData(): ProductData {
  const x1 = range(20, (i) => 2 * (i + 1));
  const x2 = range(20, (i) => 3 * (i + 1));
  const products = x1.map((v, i) => v * x2[i]);
  const xs = x1.flatMap((v, i) => [v, x2[i]]);
  return { x: ndarray(xs, [20, 1, 2]), y: ndarray(products, [20, 1]), x1, x2, products };
}

/**
 * The lab series 10, 20, …, 90 split into windows of 3 inputs and the 2 values that follow:
 * [10 20 30]→[40 50] … [50 60 70]→[80 90] (lab L3; the query [70 80 90] should give about [100 110]).
 *
 * @returns `x` `[5, 3, 1]`, `y` `[5, 2]`, and the raw `series`
 * @example
 * const { x, y } = labSeries();
 * Array.from(x.data.subarray(0, 3)); // [10, 20, 30]
 * Array.from(y.data.subarray(0, 2)); // [40, 50]
 */
export function labSeries(): LabSeriesData {
  const series = range(9, (i) => 10 * (i + 1));
  const nIn = 3;
  const nOut = 2;
  const samples = series.length - nIn - nOut + 1;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let s = 0; s < samples; s++) {
    xs.push(...series.slice(s, s + nIn));
    ys.push(...series.slice(s + nIn, s + nIn + nOut));
  }
  return { x: ndarray(xs, [samples, nIn, 1]), y: ndarray(ys, [samples, nOut]), series };
}

/**
 * The toy sets of the fit-diagnosis lessons: train on 0.0→0.1 … 0.4→0.5 and validate on
 * 0.5→0.6 … 0.9→1.0, so the validation curve shows under-fit, good fit and over-fit (B12–B13).
 *
 * @returns `train` and `validation`, each with `x` `[5, 1, 1]` and `y` `[5, 1]`
 * @example
 * const { train, validation } = fitDiagnosisData();
 * train.x.shape; // [5, 1, 1]
 * validation.y.data[4]; // 1
 */
export function fitDiagnosisData(): FitDiagnosisData {
  // Built from tenths rather than by adding 0.1 repeatedly, so 0.3 is the float nearest 0.3.
  const pairs = (from: number): LabData => {
    const xs = range(5, (i) => (from + i) / 10);
    const ys = range(5, (i) => (from + i + 1) / 10);
    return { x: ndarray(xs, [5, 1, 1]), y: ndarray(ys, [5, 1]) };
  };
  return { train: pairs(0), validation: pairs(5) };
}
