import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initBackend } from '@lstm-kit/backend';
import { learningCurves, seriesChart, writeChart } from '@lstm-kit/charts';
import { type SystemChart, type SystemResult, type SystemRunOptions, lineOutput } from '@lstm-kit/cli';
import { compileModel, earlyStopping, fit, predict } from '@lstm-kit/harness';
import { deepLstm, deepLstmWidths, summary } from '@lstm-kit/layers';
import {
  MinMaxScaler,
  type NdArray,
  OneHotEncoder,
  StandardScaler,
  fillSeasonalMean,
  interpolateLinear,
  splitMultipleInputs,
  takeRows,
} from '@lstm-kit/sequence';
import { parse } from 'csv-parse/sync';

/**
 * The lab's configuration (spec L6) on the Beijing PM2.5 data, sized so that the default run
 * trains in about two minutes on two CPU cores with the wasm backend.
 */
export const PM25_CONFIG = {
  /** Hours of all series the model sees: the last day. */
  steps: 24,
  /** Hours of PM2.5 forecast at once (the builder's `multisteps`). */
  horizon: 6,
  /** LSTM layers of the builder: widths 16 (returnSequences), 32 (returnSequences), 64. */
  hLayers: 3,
  units: 32,
  hNeurons: 32,
  dropout: 0.2,
  epochs: 20,
  batchSize: 64,
  /**
   * Hours between the starts of consecutive training windows. Every second window is enough:
   * neighbours overlap by 23 of 24 hours, so halving them halves the training time but keeps
   * almost all of the information.
   */
  trainStride: 2,
  /** Epochs without a better validation loss before training stops (best weights kept). */
  patience: 4,
  /** The final share of the hours held out as the test period (about 73 days). */
  testFraction: 0.1,
  /** The share of the training hours, just before the test period, used for validation. */
  validationFraction: 0.1,
  /** Missing hours filled by linear interpolation per gap; the rest of a longer gap gets seasonal means. */
  interpolationLimit: 6,
  /** Hours in the season of the seasonal-mean fill: the daily cycle. */
  seasonalPeriod: 24,
  /** Hours of the test period shown in the forecast chart. */
  chartHours: 240,
  seed: 6,
} as const;

/** The reduced size `--quick` and the tests use: the last 4,000 hours, a narrower model, few epochs. */
export const PM25_QUICK = { lastHours: 4_000, units: 16, hNeurons: 16, epochs: 5, batchSize: 32, trainStride: 2 } as const;

/** Options of the PM2.5 app's {@link run}. */
export interface Pm25RunOptions extends SystemRunOptions {
  /** Use only the last this many hours of the data (2013–2014, 17,520 hours). Default all (4,000 with `quick`). */
  readonly lastHours?: number;
  /** Full LSTM width of the builder. Default 32 (16 with `quick`). */
  readonly units?: number;
  /** Units of the hidden Dense layer. Default 32 (16 with `quick`). */
  readonly hNeurons?: number;
  /** Training epochs (early stopping may end sooner). Default 20 (5 with `quick`). */
  readonly epochs?: number;
  /** Hours between training windows. Default 2. */
  readonly trainStride?: number;
  /** Samples per update. Default 64 (32 with `quick`). */
  readonly batchSize?: number;
}

/** The hourly records of the app's data file, with PM2.5 `NaN` where the source says `NA`. */
export interface Pm25Records {
  /** `YYYY-MM-DD HH:00` of each hour. */
  readonly time: string[];
  readonly pm25: number[];
  /** Dew point, temperature, pressure, cumulated wind speed, cumulated hours of snow and of rain. */
  readonly weather: number[][];
  /** Combined wind direction: `NE`, `NW`, `SE` or `cv` (calm and variable). */
  readonly windDirection: string[];
}

/** The weather columns of the CSV, in the order of {@link Pm25Records.weather}. */
const WEATHER_COLUMNS = ['DEWP', 'TEMP', 'PRES', 'Iws', 'Is', 'Ir'] as const;

/**
 * Read the app's copy of the Beijing PM2.5 data (2013–2014, hourly; see `data/README.md`).
 *
 * @param path a CSV with the UCI columns; default the app's `data/beijing-pm25-2013-2014.csv`
 * @returns the records, PM2.5 `NaN` where missing
 * @example
 * const records = loadPm25();
 * records.pm25.filter(Number.isNaN).length; // 181 missing hours
 */
export function loadPm25(path: string = defaultDataPath()): Pm25Records {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const pad = (v: string) => v.padStart(2, '0');
  return {
    time: rows.map((r) => `${r.year}-${pad(r.month)}-${pad(r.day)} ${pad(r.hour)}:00`),
    pm25: rows.map((r) => (r['pm2.5'] === 'NA' ? NaN : Number(r['pm2.5']))),
    weather: rows.map((r) => WEATHER_COLUMNS.map((c) => Number(r[c]))),
    windDirection: rows.map((r) => r.cbwd),
  };
}

// Both src/ (vitest) and dist/ (the build, ESM or CJS with tsup's shims) sit one level below the app root.
function defaultDataPath(): string {
  return fileURLToPath(new URL('../data/beijing-pm25-2013-2014.csv', import.meta.url));
}

/** Errors of one forecast against the truth, in µg/m³. */
interface Errors {
  rmse: number;
  mae: number;
  /** Per horizon hour, 1 … horizon. */
  rmseByHour: number[];
  maeByHour: number[];
}

// Only hours whose PM2.5 was observed count: a filled value is our guess, not the truth.
function errors(forecast: Float32Array | number[], truth: number[], observed: boolean[], horizon: number): Errors {
  const se = new Array<number>(horizon).fill(0);
  const ae = new Array<number>(horizon).fill(0);
  const n = new Array<number>(horizon).fill(0);
  for (let i = 0; i < truth.length; i++) {
    if (!observed[i]) continue;
    const h = i % horizon;
    const e = forecast[i] - truth[i];
    se[h] += e * e;
    ae[h] += Math.abs(e);
    n[h]++;
  }
  const total = n.reduce((a, b) => a + b, 0);
  return {
    rmse: Math.sqrt(se.reduce((a, b) => a + b, 0) / total),
    mae: ae.reduce((a, b) => a + b, 0) / total,
    rmseByHour: se.map((s, h) => Math.sqrt(s / n[h])),
    maeByHour: ae.map((a, h) => a / n[h]),
  };
}

/**
 * Forecast Beijing's PM2.5 for the next 6 hours from the last 24 hours of PM2.5 and weather
 * with the deep LSTM builder of lab L6: fill the missing hours (linear interpolation up to 6
 * hours per gap, then the mean of the same hour on the previous days), one-hot encode the wind
 * direction, scale every series to [0, 1] on the training period, train
 * LSTM(16) → LSTM(32) → LSTM(64) → Dense(32, relu) → Dense(6) with dropout 0.2, RMSE loss and
 * Adam, and score the held-out final 10% of the hours against persistence (the last observed
 * value repeated for all 6 hours).
 *
 * @param options sizes, seed and where output goes
 * @returns the system's row for the tour: RMSE in µg/m³ beside the persistence baseline's
 * @example
 * const result = await run({ quick: true });
 * console.log(result.skill.display, result.reference); // e.g. 41.2 µg/m³  persistence 44.0 µg/m³
 */
export async function run(options: Pm25RunOptions = {}): Promise<SystemResult> {
  const log = options.verbose === 0 ? () => {} : (options.log ?? console.log);
  const backend = await initBackend({ prefer: options.backend });
  const cfg = PM25_CONFIG;
  const seed = options.seed ?? cfg.seed;
  const quick = options.quick ?? false;
  const units = options.units ?? (quick ? PM25_QUICK.units : cfg.units);
  const hNeurons = options.hNeurons ?? (quick ? PM25_QUICK.hNeurons : cfg.hNeurons);
  const epochs = options.epochs ?? (quick ? PM25_QUICK.epochs : cfg.epochs);
  const trainStride = options.trainStride ?? (quick ? PM25_QUICK.trainStride : cfg.trainStride);
  const { steps, horizon } = cfg;

  // 1. Data: the last `lastHours` of the app's copy.
  const all = loadPm25();
  const lastHours = Math.min(options.lastHours ?? (quick ? PM25_QUICK.lastHours : all.time.length), all.time.length);
  const from = all.time.length - lastHours;
  const time = all.time.slice(from);
  const rawPm = all.pm25.slice(from);
  const weather = all.weather.slice(from);
  const wind = all.windDirection.slice(from);
  const n = time.length;
  const observed = rawPm.map((v) => !Number.isNaN(v));
  const missing = n - observed.filter(Boolean).length;

  // 2. Missing hours: short gaps on the line between neighbours; what a limited interpolation
  //    leaves of a long gap gets the mean of the same hour on up to 3 earlier (else later) days.
  const interpolated = interpolateLinear(rawPm, { limit: cfg.interpolationLimit }).data;
  const byInterpolation = missing - Array.from(interpolated).filter(Number.isNaN).length;
  const pm = Array.from(fillSeasonalMean(interpolated, { period: cfg.seasonalPeriod }).data);
  if (pm.some(Number.isNaN)) throw new Error('PM2.5 still has missing hours after the seasonal fill; use a longer stretch of data');
  log(
    `Data: ${n.toLocaleString('en-US')} hours ${time[0]} … ${time[n - 1]}; ${missing} missing PM2.5 hours filled ` +
      `(${byInterpolation} by interpolation up to ${cfg.interpolationLimit} h, ${missing - byInterpolation} by daily seasonal means)`,
  );

  // 3. Split by time: test = the final 10%, validation = the 10% of the rest just before it.
  const testStart = n - Math.round(n * cfg.testFraction);
  const valStart = testStart - Math.round(testStart * cfg.validationFraction);

  // 4. Features: PM2.5, six weather series and the wind direction one-hot (4 columns), each
  //    scaled to [0, 1] with minimum and maximum from the training hours only, so nothing about
  //    the test period leaks into the inputs.
  const windEncoder = new OneHotEncoder({ handleUnknown: 'ignore' }).fit(wind.slice(0, valStart));
  const windOneHot = windEncoder.transform(wind);
  const nWind = windOneHot.shape[1];
  const features = 1 + WEATHER_COLUMNS.length + nWind;
  const rows: number[][] = pm.map((v, t) => [v, ...weather[t], ...windOneHot.data.subarray(t * nWind, (t + 1) * nWind)]);
  const scaler = new MinMaxScaler().fit(rows.slice(0, valStart));
  const scaled = scaler.transform(rows);
  const pmScaler = new MinMaxScaler().fit(pm.slice(0, valStart));
  const scaledPm = pmScaler.transform(pm).data;

  // 5. Windows: the last 24 hours of every series → PM2.5 in the next 6 hours. Sample s reads
  //    hours s … s+23 and predicts hours s+24 … s+29.
  const windows = splitMultipleInputs(scaled, scaledPm, { steps, horizon, target: 'next' });
  const firstTarget = (s: number) => s + steps;
  const lastTarget = (s: number) => s + steps + horizon - 1;
  const count = windows.x.shape[0];
  const pick = (keep: (s: number) => boolean, stride = 1) => {
    const idx: number[] = [];
    for (let s = 0; s < count; s++) if (keep(s) && s % stride === 0) idx.push(s);
    return idx;
  };
  const trainIdx = pick((s) => lastTarget(s) < valStart, trainStride);
  const valIdx = pick((s) => firstTarget(s) >= valStart && lastTarget(s) < testStart);
  const testIdx = pick((s) => firstTarget(s) >= testStart);
  // The model predicts each hour's change from the last hour it saw, in scaled units, not the
  // level itself: an untrained output near 0 already means persistence, so the few epochs a CPU
  // can afford go into what the weather adds, instead of into relearning the level first.
  const change = new Float32Array(windows.y.data.length);
  for (let s = 0; s < count; s++) {
    for (let h = 0; h < horizon; h++) change[s * horizon + h] = windows.y.data[s * horizon + h] - scaledPm[firstTarget(s) - 1];
  }
  // Hourly changes are small next to the [0, 1] range of the levels; standardising each
  // horizon's change on the training windows puts the targets on the scale of the initial
  // outputs, which speeds up learning.
  const changes: NdArray = { shape: windows.y.shape, data: change };
  const changeScaler = new StandardScaler().fit(takeRows(changes, pick((s) => lastTarget(s) < valStart)));
  const targets = changeScaler.transform(changes);
  const take = (idx: number[]) => ({ x: takeRows(windows.x, idx), y: takeRows(targets, idx) });
  const train = take(trainIdx);
  const validation = take(valIdx);
  const test = take(testIdx);
  log(
    `Windows of ${steps} h × ${features} series → ${horizon} h of PM2.5: ${trainIdx.length} training (every ${trainStride} h), ` +
      `${valIdx.length} validation, ${testIdx.length} test (${time[testStart]} …)`,
  );

  // 6. The lab's builder, compiled as the lab does: RMSE loss, Adam, metrics MAE and RMSE.
  const model = deepLstm({ timesteps: steps, features, hLayers: cfg.hLayers, units, hNeurons, dropout: cfg.dropout, multisteps: horizon, seed });
  compileModel(model, { loss: 'rmse', optimizer: 'adam', metrics: ['mae', 'rmse'] });
  const params = summary(model, { print: log }).total;

  const stop = earlyStopping({ monitor: 'val_loss', patience: cfg.patience, restoreBestWeights: true });
  const started = performance.now();
  const history = await fit(model, train, {
    epochs,
    batchSize: options.batchSize ?? (quick ? PM25_QUICK.batchSize : cfg.batchSize),
    validationData: validation,
    callbacks: [stop],
    seed,
    verbose: options.verbose ?? 1,
    output: options.log ? lineOutput(options.log) : undefined,
  });
  const trainSeconds = (performance.now() - started) / 1000;

  const predicted = await predict(model, test.x, { batchSize: 256 });
  // model.dispose() frees the weights only; Adam's moment estimates belong to the optimizer.
  model.optimizer?.dispose();
  model.dispose();

  // 7. Back to µg/m³ and score against persistence on the observed test hours.
  const predictedChange = changeScaler.inverseTransform(predicted).data;
  const level = new Float32Array(predicted.data.length);
  testIdx.forEach((s, i) => {
    for (let h = 0; h < horizon; h++) level[i * horizon + h] = predictedChange[i * horizon + h] + scaledPm[firstTarget(s) - 1];
  });
  const forecast = pmScaler.inverseTransform(level).data;
  const truth: number[] = [];
  const truthObserved: boolean[] = [];
  const persistence: number[] = [];
  for (const s of testIdx) {
    for (let h = 0; h < horizon; h++) {
      truth.push(pm[firstTarget(s) + h]);
      truthObserved.push(observed[firstTarget(s) + h]);
      persistence.push(pm[firstTarget(s) - 1]);
    }
  }
  const model_ = errors(forecast, truth, truthObserved, horizon);
  const base = errors(persistence, truth, truthObserved, horizon);
  const passed = model_.rmse < base.rmse;

  const fmt = (v: number) => v.toFixed(1);
  log(`Test period ${time[testStart]} … ${time[n - 1]}, errors in µg/m³ (model | persistence):`);
  log('  hour ahead   RMSE            MAE');
  for (let h = 0; h < horizon; h++) {
    log(`  +${h + 1}          ${fmt(model_.rmseByHour[h]).padStart(5)} | ${fmt(base.rmseByHour[h]).padEnd(6)}  ${fmt(model_.maeByHour[h]).padStart(5)} | ${fmt(base.maeByHour[h])}`);
  }
  log(`  all         ${fmt(model_.rmse).padStart(5)} | ${fmt(base.rmse).padEnd(6)}  ${fmt(model_.mae).padStart(5)} | ${fmt(base.mae)}`);

  // A few forecasts a day apart, as the course prints them: the 6 hours ahead against the truth.
  const details: string[] = [];
  for (let k = 0; k < 3; k++) {
    const i = Math.min(k * 24 * 7, testIdx.length - 1);
    const s = testIdx[i];
    const yhat = Array.from(forecast.subarray(i * horizon, (i + 1) * horizon), (v) => Math.round(v));
    const y = truth.slice(i * horizon, (i + 1) * horizon).map((v) => Math.round(v));
    details.push(`From ${time[firstTarget(s)]}: forecast [${yhat.join(', ')}], truth [${y.join(', ')}], persistence ${Math.round(pm[firstTarget(s) - 1])}`);
  }
  details.push(
    `RMSE ${fmt(model_.rmse)} µg/m³ (persistence ${fmt(base.rmse)}), MAE ${fmt(model_.mae)} µg/m³ (persistence ${fmt(base.mae)}) over ${horizon} h ahead`,
  );
  for (const line of details) log(line);
  log(`Trained ${history.epoch.length} epochs in ${trainSeconds.toFixed(1)} s (best epoch ${stop.bestEpoch + 1}); ${passed ? 'beats' : 'does NOT beat'} persistence`);

  const charts: SystemChart[] = [];
  if (options.outDir) {
    const shown = Math.min(cfg.chartHours, testIdx.length);
    const at = (h: number) =>
      Array.from({ length: shown }, (_, i) => ({ x: i + h, y: forecast[i * horizon + h] }));
    const curve = seriesChart({
      title: `PM2.5 forecast vs truth, first ${shown} test hours from ${time[testStart]}`,
      xTitle: 'hours into the test period',
      yTitle: 'PM2.5 (µg/m³)',
      series: [
        { name: 'truth', values: Array.from({ length: shown + horizon - 1 }, (_, i) => ({ x: i, y: pm[testStart + i] })) },
        { name: 'forecast 1 h ahead', values: at(0) },
        { name: `forecast ${horizon} h ahead`, values: at(horizon - 1), dashed: true },
      ],
    });
    const lc = learningCurves({
      title: 'Learning curves (RMSE of standardised PM2.5 changes)',
      history: history.history,
      yTitle: 'RMSE (standardised)',
      markEpoch: { epoch: stop.bestEpoch + 1, label: 'best' },
    });
    for (const [title, name, spec] of [
      ['Forecast vs truth (test period)', 'forecast.svg', curve],
      ['Learning curves', 'learning-curves.svg', lc],
    ] as const) {
      const path = join(options.outDir, name);
      await writeChart(spec, path);
      charts.push({ title, path, spec });
    }
  }

  const widths = deepLstmWidths(cfg.hLayers, units);
  return {
    id: 'pm25-forecast',
    lesson: 'L6',
    title: 'Deep LSTM multi-step forecast of Beijing PM2.5',
    architecture: `${widths.map((w) => `LSTM(${w})`).join(' → ')} → Dense(${hNeurons}, relu) → Dense(${horizon}), dropout ${cfg.dropout}`,
    params,
    trainSeconds,
    skill: { name: 'RMSE', value: model_.rmse, display: `${fmt(model_.rmse)} µg/m³` },
    reference: `persistence ${fmt(base.rmse)} µg/m³`,
    threshold: `< ${fmt(base.rmse)} µg/m³`,
    passed,
    backend: backend.name,
    details,
    charts,
  };
}
