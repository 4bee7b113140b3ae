import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@lstm-kit/backend';
import { lossComparison, writeChart } from '@lstm-kit/charts';
import { type SystemChart, type SystemResult, type SystemRunOptions, lineOutput } from '@lstm-kit/cli';
import { type History, compileModel, epochLogger, evaluate, fit, predictClasses } from '@lstm-kit/harness';
import { dense, disposeModel, lstm, summary, timeDistributed } from '@lstm-kit/layers';
import { type NdArray, type Rng, createRng, sliceRows } from '@lstm-kit/sequence';

/**
 * The configuration of the stateful lab (L5) on a task that needs memory across batches:
 * "echo the previous value", step by step. Parallel streams of random integers are cut into
 * ordered sub-sequences of 5 steps; the target of every step is the value one step earlier.
 * For steps 2–5 that value is inside the sample; for the first step it is the last value of
 * the previous sub-sequence, which sat in the previous batch: only a carried state holds it.
 */
export const STATEFUL_CONFIG = {
  /** Distinct values, one-hot (as the labs' echo variant). */
  nFeatures: 10,
  /** Time steps per sub-sequence (the labs' echo length). */
  timesteps: 5,
  /** The fixed batch size: that many independent streams advance together, one row each. */
  batchSize: 10,
  /** Sub-sequences per stream, so an epoch is this many ordered batches. */
  subsequences: 20,
  units: 16,
  epochs: 150,
  /** Pass: on the first steps, the stateful model's accuracy beats the stateless one's by this much. */
  minAdvantage: 0.5,
  /** Print a progress line every this many epochs (when a log is given). */
  logEvery: 10,
  seed: 5,
} as const;

/** The reduced size `--quick` and the tests use. */
export const STATEFUL_QUICK = { epochs: 60 } as const;

/** Options of the stateful app's {@link run}. */
export interface StatefulRunOptions extends SystemRunOptions {
  /** Training epochs of each model. Default 150 (60 with `quick`). */
  readonly epochs?: number;
  /** LSTM memory cells. Default 16. */
  readonly units?: number;
}

/** The "echo the previous value" data, laid out for a stateful model. */
interface StreamData {
  /** `[subsequences · batchSize, timesteps, nFeatures]`: batch k holds sub-sequence k of every stream. */
  readonly x: NdArray;
  /** `[subsequences · batchSize, timesteps, nFeatures]`: one-hot of the previous value (0 before a stream starts). */
  readonly y: NdArray;
  /** The raw streams, `[batchSize][subsequences · timesteps]`. */
  readonly streams: number[][];
}

/**
 * Generate `batchSize` independent streams, cut each into `subsequences` pieces of `timesteps`
 * steps, and interleave them so that row `s` of batch `k` is piece `k` of stream `s`: a stateful
 * LSTM carries row `s`'s state from batch `k` to batch `k + 1`, exactly the continuation
 * Keras's stateful layers assume.
 */
function streamData(rng: Rng, nFeatures: number, timesteps: number, batchSize: number, subsequences: number): StreamData {
  const length = subsequences * timesteps;
  const streams = Array.from({ length: batchSize }, () => Array.from({ length }, () => rng.int(0, nFeatures)));
  const n = batchSize * subsequences;
  const x = new Float32Array(n * timesteps * nFeatures);
  const y = new Float32Array(n * timesteps * nFeatures);
  for (let k = 0; k < subsequences; k++) {
    for (let s = 0; s < batchSize; s++) {
      for (let j = 0; j < timesteps; j++) {
        const at = k * timesteps + j;
        const cell = ((k * batchSize + s) * timesteps + j) * nFeatures;
        x[cell + streams[s][at]] = 1;
        // Before a stream's first step there is nothing to echo: the target is 0, learnable
        // from the freshly reset (zero) state.
        y[cell + (at > 0 ? streams[s][at - 1] : 0)] = 1;
      }
    }
  }
  const shape = Object.freeze([n, timesteps, nFeatures]);
  return { x: { shape, data: x }, y: { shape, data: y }, streams };
}

/**
 * Accuracy of predicted labels `[samples, timesteps]` on the first steps of every sample after
 * each stream's first (`boundary`, needs the previous batch) and on the other steps (`inside`).
 */
function accuracies(labels: ArrayLike<number>, data: StreamData, batchSize: number, timesteps: number, nFeatures: number) {
  let boundary = 0;
  let boundaryCount = 0;
  let inside = 0;
  let insideCount = 0;
  for (let r = 0; r < labels.length; r++) {
    const sample = Math.floor(r / timesteps);
    const j = r % timesteps;
    const hit = data.y.data[r * nFeatures + labels[r]] === 1 ? 1 : 0;
    if (j > 0) {
      inside += hit;
      insideCount++;
    } else if (sample >= batchSize) {
      boundary += hit;
      boundaryCount++;
    }
  }
  return { boundary: boundary / boundaryCount, inside: inside / insideCount };
}

/** Build LSTM(units, returnSequences) → TimeDistributed(Dense(nFeatures, softmax)), stateful or not, from one seed. */
function buildModel(units: number, timesteps: number, nFeatures: number, seed: number, statefulBatch: number | null): tf.Sequential {
  const input = statefulBatch ? { batchInputShape: [statefulBatch, timesteps, nFeatures], stateful: true } : { inputShape: [timesteps, nFeatures] };
  return tf.sequential({
    layers: [
      lstm({ units, returnSequences: true, seed, ...input }),
      timeDistributed({ layer: dense({ units: nFeatures, activation: 'softmax', seed: seed + 1 }) }),
    ],
  });
}

/**
 * The stateful LSTM lab: a stateful LSTM with a fixed batch input shape `[10, 5, 10]` learns to
 * echo the previous value at every step of 10 parallel streams cut into ordered sub-sequences
 * of 5 steps. Training keeps the batches in order (no shuffling) and resets the states after
 * every epoch; evaluation and prediction use the training batch size and reset afterwards. The
 * first step of each sub-sequence needs the value from the previous batch: the stateful model
 * gets it from its carried state; the same model without `stateful`, trained the same way,
 * stays at chance there (while it learns the other steps), and so does the trained stateful
 * model when its states are reset before every batch. LSTM(16, returnSequences) →
 * TimeDistributed(Dense(10, softmax)), categorical cross-entropy, Adam.
 *
 * @param options sizes, seed, where output and charts go
 * @returns the system's row for the tour: the stateful model's accuracy on the first steps of
 *   new sub-sequences; passed when it beats the stateless model's there by at least 50 points
 * @example
 * const result = await run({ quick: true });
 * console.log(result.skill.display); // e.g. 97.4% (stateless 9.5%, reset per batch 10.0%)
 */
export async function run(options: StatefulRunOptions = {}): Promise<SystemResult> {
  const log = options.verbose === 0 ? () => {} : (options.log ?? console.log);
  const backend = await initBackend({ prefer: options.backend });
  const seed = options.seed ?? STATEFUL_CONFIG.seed;
  const epochs = options.epochs ?? (options.quick ? STATEFUL_QUICK.epochs : STATEFUL_CONFIG.epochs);
  const units = options.units ?? STATEFUL_CONFIG.units;
  const { nFeatures, timesteps, batchSize, subsequences, minAdvantage, logEvery } = STATEFUL_CONFIG;
  const rng = createRng(seed);
  const train = streamData(rng.fork(), nFeatures, timesteps, batchSize, subsequences);
  const test = streamData(rng.fork(), nFeatures, timesteps, batchSize, subsequences);
  const score = (labels: NdArray) => accuracies(labels.data, test, batchSize, timesteps, nFeatures);

  const trainModel = async (name: string, model: tf.Sequential) => {
    compileModel(model, { loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
    log(`\n${name}`);
    const params = summary(model, { print: log }).total;
    const started = performance.now();
    const history = await fit(model, train, {
      epochs,
      batchSize,
      // The batches must stay in stream order, for both models alike.
      shuffle: false,
      // Reset after every epoch: each epoch replays the streams from their start.
      resetStates: 'epoch',
      verbose: 0,
      output: options.log ? lineOutput(options.log) : undefined,
      callbacks: [epochLogger({ every: logEvery, prefix: name, log })],
    });
    return { params, history, seconds: (performance.now() - started) / 1000 };
  };

  // Same seed, so the same initial weights for both: only `stateful` differs.
  const statefulModel = buildModel(units, timesteps, nFeatures, seed, batchSize);
  let statefulRun: { params: number; history: History; seconds: number };
  let carried: { boundary: number; inside: number };
  let resetEachBatch: { boundary: number; inside: number };
  let testLoss: number;
  let labels: NdArray;
  try {
    statefulRun = await trainModel(`Stateful LSTM(${units}), batch input shape [${batchSize}, ${timesteps}, ${nFeatures}]`, statefulModel);
    // evaluate and predict use the training batch size and reset the states afterwards.
    testLoss = (await evaluate(statefulModel, test, { batchSize })).loss;
    labels = await predictClasses(statefulModel, test.x, { batchSize });
    carried = score(labels);
    // The same trained model, one predict call per batch (predict resets when it ends): the
    // memory that carried the previous value across batches is gone.
    const parts: number[] = [];
    for (let k = 0; k < subsequences; k++) {
      const batch = sliceRows(test.x, k * batchSize, (k + 1) * batchSize);
      parts.push(...(await predictClasses(statefulModel, batch, { batchSize })).data);
    }
    resetEachBatch = score({ shape: [parts.length / timesteps, timesteps], data: Float32Array.from(parts) });
  } finally {
    disposeModel(statefulModel);
  }

  const statelessModel = buildModel(units, timesteps, nFeatures, seed, null);
  let statelessRun: { params: number; history: History; seconds: number };
  let stateless: { boundary: number; inside: number };
  try {
    statelessRun = await trainModel(`Stateless LSTM(${units}), the same model without stateful`, statelessModel);
    stateless = score(await predictClasses(statelessModel, test.x, { batchSize }));
  } finally {
    disposeModel(statelessModel);
  }

  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  // Stream 0's first three sub-sequences in the lab's form: input, expected, predicted.
  const shown = Math.min(3, subsequences);
  const pieces = (values: (k: number, j: number) => number) =>
    Array.from({ length: shown }, (_, k) => `[${Array.from({ length: timesteps }, (_, j) => values(k, j)).join(' ')}]`).join(' ');
  const stream = test.streams[0];
  const details = [
    `Stream 0, input:     ${pieces((k, j) => stream[k * timesteps + j])}`,
    `Expected (previous): ${pieces((k, j) => (k * timesteps + j > 0 ? stream[k * timesteps + j - 1] : 0))}`,
    `Predicted, stateful: ${pieces((k, j) => labels.data[k * batchSize * timesteps + j])}`,
    `First steps (need the previous batch): stateful ${pct(carried.boundary)}, same model reset before every batch ` +
      `${pct(resetEachBatch.boundary)}, stateless ${pct(stateless.boundary)} (chance ${pct(1 / nFeatures)})`,
    `Other steps (inside the sample): stateful ${pct(carried.inside)}, reset before every batch ${pct(resetEachBatch.inside)}, stateless ${pct(stateless.inside)}`,
  ];
  log('');
  for (const line of details) log(line);
  const advantage = carried.boundary - stateless.boundary;
  const passed = advantage >= minAdvantage;
  const trainSeconds = statefulRun.seconds + statelessRun.seconds;
  log(
    `Stateful beats stateless on the first steps by ${(advantage * 100).toFixed(1)} points (pass ≥ ${minAdvantage * 100}; ` +
      `stateful test loss ${testLoss.toFixed(4)}) — ${passed ? 'PASS' : 'MISS'}; ` +
      `trained in ${statefulRun.seconds.toFixed(1)} s + ${statelessRun.seconds.toFixed(1)} s`,
  );

  const charts: SystemChart[] = [];
  if (options.outDir) {
    const title = 'L5 training accuracy per step: stateful vs stateless LSTM, "echo the previous value"';
    const spec = lossComparison({
      title,
      metric: 'accuracy',
      models: [
        { name: 'stateful', history: statefulRun.history.history },
        { name: 'stateless', history: statelessRun.history.history },
      ],
    });
    const path = join(options.outDir, 'stateful-accuracy.svg');
    await writeChart(spec, path);
    charts.push({ title, path, spec });
  }

  return {
    id: 'stateful',
    lesson: 'L5',
    title: 'Stateful LSTM: state carried across batches',
    architecture: `stateful LSTM(${units}, returnSequences) [batch ${batchSize}] → TimeDistributed(Dense(${nFeatures}, softmax)) vs the same stateless`,
    params: statefulRun.params,
    trainSeconds,
    skill: {
      name: 'accuracy on first steps',
      value: carried.boundary,
      display: `${pct(carried.boundary)} (stateless ${pct(stateless.boundary)}, reset per batch ${pct(resetEachBatch.boundary)})`,
    },
    reference: 'state carried across batches only when stateful',
    threshold: `stateful − stateless ≥ ${minAdvantage * 100} points`,
    passed,
    backend: backend.name,
    details,
    charts,
  };
}
