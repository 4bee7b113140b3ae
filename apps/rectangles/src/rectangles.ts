import { join } from 'node:path';
import { initBackend } from '@lstm-kit/backend';
import { type Point, rectanglesChart, writeChart } from '@lstm-kit/charts';
import { type SystemChart, type SystemResult, type SystemRunOptions, lineOutput } from '@lstm-kit/cli';
import { compileModel, fitOnline, predict } from '@lstm-kit/harness';
import { generative, summary } from '@lstm-kit/layers';
import { rectangle } from '@lstm-kit/problems';
import { type Rng, createRng, ndarray } from '@lstm-kit/sequence';
import type * as tf from '@tensorflow/tfjs';

/** The book's configuration for the generative LSTM (lesson 11, spec B11). */
export const RECTANGLES_CONFIG = {
  units: 10,
  /** One update per random rectangle, on its 3 samples in order, as the book trains. */
  updates: 25_000,
  /** Training counts at which the chart shows the drawn rectangle. */
  snapshots: [100, 500, 1_000, 5_000, 10_000],
  /** Shapes the skill is measured on. */
  testShapes: 100,
  /** Mean mismatch of opposite sides the run must stay within. */
  threshold: 0.1,
  seed: 11,
} as const;

/** The reduced size `--quick` uses: 10,000 rectangles already draw consistent shapes (mismatch about 8%). */
export const RECTANGLES_QUICK = { updates: 10_000 } as const;

/** Options of the rectangles app's {@link run}. */
export interface RectanglesRunOptions extends SystemRunOptions {
  /** Training rectangles (one update each). Default 25,000 (10,000 with `quick`). */
  readonly updates?: number;
}

/** A drawn shape: the corners bottom-left, bottom-right, top-right, top-left. */
type Shape = [number, number][];

/**
 * How far a shape is from a rectangle: |bottom width − top width| / mean width and
 * |right height − left height| / mean height, averaged. 0 for a perfect rectangle; 0.1 means
 * opposite sides differ by 10% of their length.
 *
 * @param shape corners BL, BR, TR, TL
 * @returns the mean relative mismatch of opposite sides
 * @example
 * sideMismatch([[0, 0], [1, 0], [1, 0.5], [0, 0.5]]); // 0
 */
export function sideMismatch(shape: Shape): number {
  const [bl, br, tr, tl] = shape;
  const bottom = br[0] - bl[0];
  const top = tr[0] - tl[0];
  const right = tr[1] - br[1];
  const left = tl[1] - bl[1];
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs((a + b) / 2), 1e-6);
  return (rel(bottom, top) + rel(right, left)) / 2;
}

/** Feed each prediction back as the next input, for many shapes at once. */
async function continueShapes(model: tf.LayersModel, starts: [number, number][], steps: number): Promise<Shape[]> {
  const shapes: Shape[] = starts.map((p) => [p]);
  let last = starts;
  for (let s = 0; s < steps; s++) {
    const y = await predict(model, ndarray(last.flat(), [last.length, 1, 2]), { batchSize: 128 });
    last = last.map((_, i) => [y.data[2 * i], y.data[2 * i + 1]]);
    last.forEach((p, i) => shapes[i].push(p));
  }
  return shapes;
}

/**
 * The course's drawing from [0, 0] (three predictions in a row) and the test shapes: the
 * first is that drawing, the other `n − 1` start from a random first side — the model is told
 * a bottom-right corner (w, 0) and draws the top-right and top-left corners — because a
 * deterministic model draws only one shape from [0, 0].
 */
async function drawShapes(model: tf.LayersModel, n: number, rng: Rng): Promise<Shape[]> {
  const [fromOrigin] = await continueShapes(model, [[0, 0]], 3);
  const widths: [number, number][] = Array.from({ length: n - 1 }, () => [0.2 + 0.8 * rng.next(), 0]);
  const continued = (await continueShapes(model, widths, 2)).map((s): Shape => [[0, 0], ...s]);
  return [fromOrigin, ...continued];
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (p: readonly number[]) => `[${p[0].toFixed(2)}, ${p[1].toFixed(2)}]`;

/**
 * Reproduce lesson 11's generative LSTM: learn to draw rectangles one corner at a time from
 * 25,000 random rectangles (one update each), then draw one from [0, 0] by feeding each
 * prediction back in, and show how the drawing improves from 100 to 10,000 training examples.
 *
 * @param options updates, seed, log and the folder for the rectangles chart
 * @returns the tour row: skill = mean mismatch of opposite sides over 100 drawn shapes (pass ≤ 10%)
 * @example
 * const result = await run({ outDir: 'out/b11' }); // out/b11/rectangles.svg
 * console.log(result.skill.display); // e.g. 3.1%
 */
export async function run(options: RectanglesRunOptions = {}): Promise<SystemResult> {
  const log = options.verbose === 0 ? () => {} : (options.log ?? console.log);
  const backend = await initBackend({ prefer: options.backend });
  const seed = options.seed ?? RECTANGLES_CONFIG.seed;
  const updates = options.updates ?? (options.quick ? RECTANGLES_QUICK.updates : RECTANGLES_CONFIG.updates);

  const model = generative({ units: RECTANGLES_CONFIG.units, seed });
  compileModel(model, { loss: 'mae', optimizer: 'adam' });
  const params = summary(model, { print: log }).total;

  const rng = createRng(seed);
  const trainRng = rng.fork();
  const testSeed = rng.nextSeed();
  // Train in stretches and stop at each snapshot count to draw; the optimizer state carries over.
  const counts = [...RECTANGLES_CONFIG.snapshots.filter((c) => c < updates), updates];
  const stages: { count: number; shapes: Shape[]; mismatch: number }[] = [];
  log(`Training on ${updates.toLocaleString('en-US')} random rectangles, one update on each one's 3 samples`);
  let done = 0;
  let trainSeconds = 0;
  try {
    for (const count of counts) {
      const started = performance.now();
      await fitOnline(model, () => rectangle({ rng: trainRng }), {
        updates: count - done,
        verbose: options.verbose ?? 1,
        output: options.log ? lineOutput(options.log) : undefined,
      });
      trainSeconds += (performance.now() - started) / 1000;
      done = count;
      // The same test shapes at every stage, so the stages compare.
      const shapes = await drawShapes(model, RECTANGLES_CONFIG.testShapes, createRng(testSeed));
      const mismatch = mean(shapes.map(sideMismatch));
      stages.push({ count, shapes, mismatch });
      log(`After ${count.toLocaleString('en-US')} rectangles: from [0, 0] ${shapes[0].map(fmt).join(' → ')}; opposite sides differ by ${(mismatch * 100).toFixed(1)}% on average`);
    }
  } finally {
    // model.dispose() frees the weights only; Adam's moment estimates belong to the optimizer.
    model.optimizer?.dispose();
    model.dispose();
  }

  const final = stages[stages.length - 1];
  const [bl, br, tr, tl] = final.shapes[0];
  const details = [
    `Generated from [0, 0]: ${final.shapes[0].map(fmt).join(' → ')}`,
    `  widths bottom ${(br[0] - bl[0]).toFixed(3)} / top ${(tr[0] - tl[0]).toFixed(3)}, heights right ${(tr[1] - br[1]).toFixed(3)} / left ${(tl[1] - bl[1]).toFixed(3)}`,
    ...stages.map((s) => `After ${s.count.toLocaleString('en-US')} rectangles: opposite sides differ by ${(s.mismatch * 100).toFixed(1)}%`),
  ];
  for (const line of details.slice(0, 2)) log(line);
  const passed = final.mismatch <= RECTANGLES_CONFIG.threshold;
  log(
    `Opposite sides differ by ${(final.mismatch * 100).toFixed(1)}% on average over ${final.shapes.length} drawn shapes ` +
      `(reference: consistent width and height; pass ≤ 10%): ${passed ? 'pass' : 'MISS'}, trained in ${trainSeconds.toFixed(1)} s`,
  );

  const charts: SystemChart[] = [];
  if (options.outDir) {
    const spec = rectanglesChart({
      title: 'Rectangles drawn from [0, 0] after training on more examples',
      panels: stages.map((s) => ({
        title: `${s.count.toLocaleString('en-US')} examples`,
        shapes: [s.shapes[0].map(([x, y]): Point => ({ x, y }))],
      })),
      columns: Math.min(stages.length, 3),
    });
    const path = join(options.outDir, 'rectangles.svg');
    await writeChart(spec, path);
    charts.push({ title: 'Rectangles at 100 / 500 / 1,000 / 5,000 / 10,000 training examples', path, spec });
  }

  return {
    id: 'rectangles',
    lesson: 'B11',
    title: 'Generative LSTM drawing rectangles',
    architecture: `LSTM(${RECTANGLES_CONFIG.units}) → Dense(2, linear)`,
    params,
    trainSeconds,
    skill: { name: 'opposite-side mismatch', value: final.mismatch, display: `${(final.mismatch * 100).toFixed(1)}%` },
    reference: 'consistent width and height',
    threshold: '≤ 10%',
    passed,
    backend: backend.name,
    details,
    charts,
  };
}
