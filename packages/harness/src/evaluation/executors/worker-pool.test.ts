import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compareCandidates } from '../compare-candidates';
import { EvaluationError, TrialError, WorkerPoolError } from '../errors';
import { gridSearch } from '../grid-search';
import { repeat } from '../repeat';
import { inlineExecutor } from './inline';
import { workerPoolExecutor } from './worker-pool';
// The same functions the workers import, called inline for the comparison.
// @ts-expect-error plain-JS fixture without type declarations
import { armTrial, fixedTrial, gridTrial, mathTrial } from '../test-fixtures/math-trials.mjs';
// @ts-expect-error plain-JS fixture without type declarations
import { tfjsTrial } from '../test-fixtures/tfjs-trial.mjs';

const mathModule = new URL('../test-fixtures/math-trials.mjs', import.meta.url);
const pools: { close(): Promise<void> }[] = [];
const pool = (exportName: string, module: string | URL = mathModule) => {
  const p = workerPoolExecutor({ size: 2, module, exportName });
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('workerPoolExecutor', () => {
  it('gives the same repeat results as the inline executor, in repeat order', async () => {
    const inline = await repeat(mathTrial, { repeats: 6, seed: 9, executor: inlineExecutor() });
    const pooled = await repeat(mathTrial, { repeats: 6, seed: 9, executor: pool('mathTrial') });
    expect(pooled).toEqual(inline);
    expect(pooled.runs[0].history!.loss).toHaveLength(5);
  });

  it('gives the same grid search and candidate comparison as inline', async () => {
    const space = { cells: [1, 5, 10], batchSize: [1, 2] };
    const inlineGrid = await gridSearch(space, gridTrial, { repeats: 3, seed: 2 });
    const pooledGrid = await gridSearch(space, gridTrial, { repeats: 3, seed: 2, executor: pool('gridTrial') });
    expect(pooledGrid).toEqual(inlineGrid);
    expect(pooledGrid.best.config).toEqual({ cells: 10, batchSize: 1 });
    const options = { baseline: armTrial, candidates: { 'refit new': armTrial, 'more old': armTrial }, repeats: 5, seed: 4 };
    const inlineCmp = await compareCandidates(options);
    const pooledCmp = await compareCandidates({ ...options, executor: pool('armTrial') });
    expect(pooledCmp).toEqual(inlineCmp);
    expect(pooledCmp.choice).toBe('refit new');
  });

  it('sends fixed settings to the workers with every grid cell, as inline, without making them dimensions', async () => {
    const options = { repeats: 2, seed: 3, fixed: { epochs: 40, data: { sizes: [5, 5] } } };
    const inline = await gridSearch({ cells: [1, 10] }, fixedTrial, options);
    const pooled = await gridSearch({ cells: [1, 10] }, fixedTrial, { ...options, executor: pool('fixedTrial') });
    expect(pooled).toEqual(inline);
    // cells, epochs and data arrived in the worker, nested values intact.
    expect(pooled.rows[0].runs[0].history).toEqual({ keys: [3], epochs: [40], sizes: [5, 5] });
    expect(pooled.keys).toEqual(['cells']);
    expect(pooled.rows.map((r) => r.config)).toEqual([{ cells: 1 }, { cells: 10 }]);
    expect(pooled.fixed).toEqual(options.fixed);
    const fn = await gridSearch({ cells: [1] }, fixedTrial, { ...options, fixed: { epochs: 1, data: () => 1 }, executor: pool('fixedTrial') }).catch(
      (e) => e,
    );
    expect(fn).toBeInstanceOf(EvaluationError);
    expect(fn.message).toMatch(/fixed setting 'data' cannot be sent to worker threads/);
  });

  it('gives bit-identical tfjs trainings in workers (one tfjs per worker) and inline', async () => {
    const seeds = [1, 2, 3, 4];
    const inline = await repeat(tfjsTrial, { seeds });
    const pooled = await repeat(tfjsTrial, {
      seeds,
      executor: pool('tfjsTrial', fileURLToPath(new URL('../test-fixtures/tfjs-trial.mjs', import.meta.url))),
    });
    expect(pooled.scores).toEqual(inline.scores);
    expect(pooled.runs.map((r) => r.history)).toEqual(inline.runs.map((r) => r.history));
    expect(new Set(inline.scores).size).toBe(4); // the seeds matter
    expect(inline.runs[0].history!.val_loss).toHaveLength(15);
  });

  it('reports a failing trial with its seed, and keeps working afterwards', async () => {
    const p = pool('failsOnSecond');
    const err = await repeat(() => 1, { seeds: [5, 6, 7], executor: p }).catch((e) => e);
    expect(err).toBeInstanceOf(TrialError);
    expect(err.failure).toMatchObject({ seed: 6, repeat: 1, executor: 'worker-pool' });
    expect(err.message).toMatch(/boom at repeat 1/);
    expect(err.cause.name).toBe('RangeError');
    const again = await repeat(() => 1, { seeds: [5], executor: p });
    expect(again.scores).toEqual([1]);
  });

  it('explains a missing export, a module it cannot import, a bad result and a worker that exits', async () => {
    const missing = await repeat(() => 1, { repeats: 1, executor: pool('nope') }).catch((e) => e);
    expect(missing).toBeInstanceOf(WorkerPoolError);
    expect(missing.message).toMatch(/no function export 'nope' \(exports: .*mathTrial/);
    const ts = await repeat(() => 1, { repeats: 1, executor: pool('trial', '/no/such/trial.ts') }).catch((e) => e);
    expect(ts).toBeInstanceOf(WorkerPoolError);
    expect(ts.message).toMatch(/cannot import trial module file:\/\/\/no\/such\/trial\.ts/);
    const bad = await repeat(() => 1, { repeats: 1, executor: pool('notAScore') }).catch((e) => e);
    expect(bad).toBeInstanceOf(TrialError);
    expect(bad.message).toMatch(/returned string nope/);
    const exits = pool('exitsWorker');
    const exited = await repeat(() => 1, { repeats: 1, executor: exits }).catch((e) => e);
    expect(exited).toBeInstanceOf(WorkerPoolError);
    expect(exited.message).toMatch(/exited with code 3/);
  });

  it('rejects a bad pool size or no module', () => {
    expect(() => workerPoolExecutor({ size: 0, module: mathModule })).toThrow(EvaluationError);
    expect(() => workerPoolExecutor({ module: '' })).toThrow(/trial module/);
  });
});
