import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initBackend } from '@lstm-kit/backend';
import { learningCurves, seriesChart, writeChart } from '@lstm-kit/charts';
import { type SystemChart, type SystemResult, type SystemRunOptions, lineOutput } from '@lstm-kit/cli';
import { compileModel, fit, predict } from '@lstm-kit/harness';
import { summary, vanilla } from '@lstm-kit/layers';
import { MinMaxScaler, difference, inverseDifference, splitSequence, takeRows } from '@lstm-kit/sequence';
import { parse } from 'csv-parse/sync';

/** The default configuration: a small LSTM on the lag-1 differences of the airline series, scaled to [-1, 1]. */
export const AIRLINE_CONFIG = {
  /** A seasonal difference (months) taken before the lag-1 one; 0 (default) takes the lag-1 difference only, so the LSTM has to learn the yearly cycle itself. */
  seasonalLag: 0,
  /** Months of (differenced, scaled) history per input window. */
  steps: 12,
  units: 32,
  epochs: 300,
  batchSize: 8,
  /** The final months held out and forecast one step ahead. */
  testMonths: 12,
  seed: 7,
} as const;

/** The reduced size `--quick` and the tests use. */
export const AIRLINE_QUICK = { epochs: 40 } as const;

/** Options of the airline app's {@link run}. */
export interface AirlineRunOptions extends SystemRunOptions {
  /** Training epochs. Default 300 (40 with `quick`). */
  readonly epochs?: number;
  /** LSTM memory cells. Default 32. */
  readonly units?: number;
  /** Seasonal difference lag in months (12 removes the yearly cycle before the LSTM sees the data), or 0 for the lag-1 difference only. Default 0. */
  readonly seasonalLag?: number;
}

/** The monthly totals of the app's data file. */
export interface AirlineSeries {
  /** `YYYY-MM` of each month. */
  readonly month: string[];
  /** International airline passengers, thousands. */
  readonly passengers: number[];
}

/**
 * Read the app's copy of the airline passengers series (1949–1960; see `data/README.md`).
 *
 * @param path a CSV with columns `Month` and `Passengers`; default the app's `data/airline-passengers.csv`
 * @returns the months and totals in file order
 * @example
 * const { month, passengers } = loadAirline();
 * console.log(month[0], passengers[0]); // 1949-01 112
 */
export function loadAirline(path: string = defaultDataPath()): AirlineSeries {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return { month: rows.map((r) => r.Month), passengers: rows.map((r) => Number(r.Passengers)) };
}

// Both src/ (vitest) and dist/ (the build, ESM or CJS with tsup's shims) sit one level below the app root.
function defaultDataPath(): string {
  return fileURLToPath(new URL('../data/airline-passengers.csv', import.meta.url));
}

function rmseOf(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s / a.length);
}

/**
 * Forecast the last 12 months of the airline passengers series with an LSTM: take the lag-1
 * difference (optionally after a seasonal one), scale to [-1, 1] on the training months,
 * window 12 months → the next, fit LSTM(32) → Dense(1) with MSE and Adam, and forecast 1960
 * one month at a time with the true history (walk-forward validation as in the course's
 * lesson; the model is not refitted between months), inverting the scaling and the
 * differencing. Scored by RMSE in thousands of passengers against persistence (next month =
 * this month).
 *
 * @param options sizes, seed and where output goes
 * @returns the system's row for the tour: RMSE beside the persistence baseline's
 * @example
 * const result = await run({ quick: true });
 * console.log(result.skill.display, result.reference); // e.g. 22.0 thousand  persistence 53.2 thousand
 */
export async function run(options: AirlineRunOptions = {}): Promise<SystemResult> {
  const log = options.verbose === 0 ? () => {} : (options.log ?? console.log);
  const backend = await initBackend({ prefer: options.backend });
  const cfg = AIRLINE_CONFIG;
  const seed = options.seed ?? cfg.seed;
  const epochs = options.epochs ?? (options.quick ? AIRLINE_QUICK.epochs : cfg.epochs);
  const units = options.units ?? cfg.units;
  const seasonalLag = options.seasonalLag ?? cfg.seasonalLag;
  const { steps, testMonths } = cfg;

  const { month, passengers: y } = loadAirline();
  const n = y.length;
  const testStart = n - testMonths;

  // The lag-1 difference removes the trend, which an LSTM on a short series cannot extrapolate
  // past the levels it was trained on; the yearly cycle stays for the LSTM to learn unless a
  // seasonal difference takes it out first.
  const seasonal = seasonalLag > 0 ? Array.from(difference(y, { lag: seasonalLag }).data) : y;
  const diffs = Array.from(difference(seasonal, { lag: 1 }).data);
  // diffs[j] describes month j + offset of the raw series.
  const offset = n - diffs.length;

  // The scaler learns its range from the training months only; the test months may fall outside it.
  const scaler = new MinMaxScaler({ featureRange: [-1, 1] }).fit(diffs.slice(0, testStart - offset));
  const scaled = scaler.transform(diffs).data;
  const windows = splitSequence(scaled, { steps });
  // Sample k reads diffs k … k+steps-1 and predicts diffs[k+steps], i.e. month k + steps + offset.
  const monthOf = (k: number) => k + steps + offset;
  const trainIdx: number[] = [];
  const testIdx: number[] = [];
  for (let k = 0; k < windows.x.shape[0]; k++) (monthOf(k) < testStart ? trainIdx : testIdx).push(k);
  const train = { x: takeRows(windows.x, trainIdx), y: takeRows(windows.y, trainIdx) };
  const testX = takeRows(windows.x, testIdx);
  log(
    `Data: ${n} months ${month[0]} … ${month[n - 1]}; differences lag ${seasonalLag > 0 ? `${seasonalLag} and ` : ''}1, ` +
      `windows of ${steps} months: ${trainIdx.length} training, ${testIdx.length} test (${month[testStart]} … ${month[n - 1]})`,
  );

  const model = vanilla({ units, timesteps: steps, features: 1, outputs: 1, seed });
  compileModel(model, { loss: 'mse', optimizer: 'adam' });
  const params = summary(model, { print: log }).total;

  const started = performance.now();
  const history = await fit(model, train, {
    epochs,
    batchSize: cfg.batchSize,
    seed,
    verbose: options.verbose ?? 1,
    output: options.log ? lineOutput(options.log) : undefined,
  });
  const trainSeconds = (performance.now() - started) / 1000;
  const predicted = await predict(model, testX);
  // model.dispose() frees the weights only; Adam's moment estimates belong to the optimizer.
  model.optimizer?.dispose();
  model.dispose();

  // Walk forward: each month's forecast is inverted with the true values before it, as they
  // would be known when the forecast is made.
  const unscaled = scaler.inverseTransform(predicted.data).data;
  const forecast: number[] = [];
  const transformsAlone: number[] = [];
  testIdx.forEach((k, i) => {
    const t = monthOf(k);
    const undo = (d: number) => {
      const s = inverseDifference([d], seasonal.slice(0, t - (y.length - seasonal.length)), { lag: 1 }).data[0];
      return seasonalLag > 0 ? inverseDifference([s], y.slice(0, t), { lag: seasonalLag }).data[0] : s;
    };
    forecast.push(undo(unscaled[i]));
    // What the differencing alone forecasts (the model predicting a zero difference): with lag 1
    // only, that is persistence; with a seasonal lag, last year's change added to last month.
    transformsAlone.push(undo(0));
  });
  const truth = y.slice(testStart);
  const persistence = y.slice(testStart - 1, n - 1);
  const rmse = rmseOf(forecast, truth);
  const baseRmse = rmseOf(persistence, truth);
  const aloneRmse = rmseOf(transformsAlone, truth);
  const passed = rmse < baseRmse;

  for (let i = 0; i < truth.length; i++) {
    log(`Month=${month[testStart + i]}, Predicted=${forecast[i].toFixed(1)}, Expected=${truth[i]}, Persistence=${persistence[i]}`);
  }
  const details = [0, 5, 11].map((i) => `Month=${month[testStart + i]}, Predicted=${forecast[i].toFixed(1)}, Expected=${truth[i]}`);
  details.push(
    `Test RMSE ${rmse.toFixed(1)} thousand passengers (persistence ${baseRmse.toFixed(1)}; the differences alone, predicting no change in them, ${aloneRmse.toFixed(1)})`,
  );
  for (const line of details.slice(3)) log(line);
  log(`Trained ${epochs} epochs in ${trainSeconds.toFixed(1)} s; ${passed ? 'beats' : 'does NOT beat'} persistence`);

  const charts: SystemChart[] = [];
  if (options.outDir) {
    const year = (i: number) => 1949 + i / 12;
    // The last four years: the whole series squeezes the 12 forecast months into a sliver.
    const shownFrom = testStart - 36;
    const curve = seriesChart({
      title: `Airline passengers: walk-forward forecast of ${month[testStart]} … ${month[n - 1]}`,
      xTitle: 'year',
      // Years as 1959, not the default format's "1,959".
      xFormat: 'd',
      yTitle: 'passengers (thousands)',
      series: [
        { name: 'truth', values: y.slice(shownFrom).map((v, i) => ({ x: year(shownFrom + i), y: v })) },
        { name: 'LSTM forecast', values: forecast.map((v, i) => ({ x: year(testStart + i), y: v })) },
        { name: 'persistence', values: persistence.map((v, i) => ({ x: year(testStart + i), y: v })), dashed: true },
      ],
    });
    const lc = learningCurves({ title: 'Learning curve (MSE of scaled differences)', history: history.history });
    for (const [title, name, spec] of [
      ['Forecast vs truth', 'forecast.svg', curve],
      ['Learning curve', 'learning-curves.svg', lc],
    ] as const) {
      const path = join(options.outDir, name);
      await writeChart(spec, path);
      charts.push({ title, path, spec });
    }
  }

  return {
    id: 'airline-forecast',
    lesson: 'data',
    title: 'LSTM forecast of monthly airline passengers',
    architecture: `LSTM(${units}) → Dense(1) on lag-${seasonalLag > 0 ? `${seasonalLag} + lag-` : ''}1 differences`,
    params,
    trainSeconds,
    skill: { name: 'RMSE', value: rmse, display: `${rmse.toFixed(1)} thousand` },
    reference: `persistence ${baseRmse.toFixed(1)} thousand`,
    threshold: `< ${baseRmse.toFixed(1)} thousand`,
    passed,
    backend: backend.name,
    details,
    charts,
  };
}
