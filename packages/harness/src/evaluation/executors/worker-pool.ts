import { Worker } from 'node:worker_threads';
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EvaluationError, WorkerPoolError } from '../errors';
import { toRun, trialFailed, type TrialJob, type TrialRun } from '../trial';
import type { Executor } from './executor';

/** Options of {@link workerPoolExecutor}. */
export interface WorkerPoolOptions {
  /** Number of worker threads, each with its own tfjs; 2 uses both cores of a small machine. */
  readonly size?: number;
  /**
   * The JavaScript module (a path, a `file:` URL string or a URL) whose export is the trial.
   * It must be JS that Node can import as is (`.mjs`, or `.js` in a `"type": "module"`
   * package, or built output), because workers do not go through a TypeScript loader.
   * It imports tfjs itself and sets its backend, once per worker.
   */
  readonly module: string | URL;
  /** The export to call: `(ctx)` for `repeat` and `compareCandidates`, `(config, ctx)` for `gridSearch`. Default `'default'`. */
  readonly exportName?: string;
}

/** The executor returned by {@link workerPoolExecutor}, with the module it runs. */
export interface WorkerPoolExecutor extends Executor {
  readonly kind: 'worker-pool';
  /** The trial module's URL as the workers import it. */
  readonly moduleUrl: string;
  /** The export the workers call. */
  readonly exportName: string;
}

// The worker is started from this source with `eval: true` rather than from a file, so the
// same code works from `src` under vitest and from the bundled `dist/index.{js,cjs}` (tsup
// emits no separate worker file). Eval'd worker code is CommonJS, hence `require`; the trial
// module is loaded with `import()`, which accepts ES modules and CommonJS alike.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let loaded;
function load() {
  if (!loaded) {
    loaded = import(workerData.moduleUrl).then((mod) => {
      const fn = mod[workerData.exportName];
      if (typeof fn !== 'function') {
        const names = Object.keys(mod).join(', ') || '(none)';
        const err = new Error("module " + workerData.moduleUrl + " has no function export '" +
          workerData.exportName + "' (exports: " + names + "); pass exportName with one of them");
        err.name = 'WorkerPoolError';
        throw err;
      }
      return fn;
    }, (e) => {
      const err = new Error('cannot import trial module ' + workerData.moduleUrl + ': ' + (e && e.message) +
        '; it must be JavaScript Node can import (an .mjs file or built output), not TypeScript');
      err.name = 'WorkerPoolError';
      throw err;
    });
  }
  return loaded;
}
parentPort.on('message', async ({ id, job }) => {
  try {
    const fn = await load();
    const ctx = job.arm === undefined ? { seed: job.seed, repeat: job.repeat } : { seed: job.seed, repeat: job.repeat, arm: job.arm };
    const value = job.config !== undefined ? await fn(job.config, ctx) : await fn(ctx);
    try {
      parentPort.postMessage({ id, ok: true, value });
    } catch (e) {
      parentPort.postMessage({ id, ok: false, error: { name: 'TypeError', message: 'the trial result cannot be sent back from the worker (' + e.message + '); return plain numbers, arrays and objects' } });
    }
  } catch (e) {
    parentPort.postMessage({ id, ok: false, error: { name: (e && e.name) || 'Error', message: (e && e.message) || String(e), stack: e && e.stack } });
  }
});
`;

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string; stack?: string };
}

interface Slot {
  worker: Worker;
  pending?: { id: number; resolve: (v: unknown) => void; reject: (e: unknown) => void };
  dead: boolean;
}

/**
 * An executor that runs trials on a pool of worker threads, one tfjs per worker, so that
 * repeats and grid cells use every core. Functions cannot cross threads, so each worker
 * imports `module` and calls its `exportName` export with the job's plain data (config,
 * seed, repeat); pass that same function as the trial to `repeat`/`gridSearch` so the
 * inline and pooled forms agree. Runs come back in job order, so a deterministic trial gives
 * identical results whichever executor ran it. Idle workers do not keep the process alive;
 * call `close()` to end them at once.
 *
 * @param options pool size, trial module and export name
 * @returns an executor for `repeat`, `gridSearch` and `compareCandidates`
 * @throws EvaluationError when `size` is not a positive integer or `module` is empty
 * @example
 * // trial.mjs: export async function trial(ctx) { ... return loss; }
 * const pool = workerPoolExecutor({ size: 2, module: new URL('./trial.mjs', import.meta.url), exportName: 'trial' });
 * const r = await repeat(trial, { repeats: 10, seed: 7, executor: pool });
 * await pool.close();
 */
export function workerPoolExecutor(options: WorkerPoolOptions): WorkerPoolExecutor {
  const size = options.size ?? 2;
  if (!Number.isInteger(size) || size < 1) {
    throw new EvaluationError(`expected a worker pool size that is a positive integer, got ${size}; use size: 2 for two cores`);
  }
  if (options.module === undefined || options.module === null || String(options.module) === '') {
    throw new EvaluationError("expected the trial module's path or URL in `module`, got nothing; pass new URL('./trial.mjs', import.meta.url)");
  }
  const moduleUrl = toModuleUrl(options.module);
  const exportName = options.exportName ?? 'default';
  const slots: Slot[] = [];
  const idle: Slot[] = [];
  const waiters: ((slot: Slot) => void)[] = [];
  let nextId = 0;

  const spawn = (): Slot => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { moduleUrl, exportName } });
    const slot: Slot = { worker, dead: false };
    const fail = (error: Error) => {
      slot.dead = true;
      const p = slot.pending;
      slot.pending = undefined;
      p?.reject(error);
    };
    worker.on('message', (reply: Reply) => {
      const p = slot.pending;
      if (!p || p.id !== reply.id) return;
      slot.pending = undefined;
      if (reply.ok) p.resolve(reply.value);
      else {
        const { name, message, stack } = reply.error!;
        if (name === 'WorkerPoolError') p.reject(new WorkerPoolError(message));
        else {
          // Rebuild the trial's error with its name and worker-side stack, which is where it failed.
          const err = new Error(message);
          err.name = name;
          if (stack) err.stack = stack;
          p.reject(err);
        }
      }
    });
    worker.on('error', (e) => fail(new WorkerPoolError(`a worker crashed while running a trial: ${e.message}`)));
    worker.on('exit', (code) => {
      fail(new WorkerPoolError(`a worker exited with code ${code} while running a trial; a trial that calls process.exit or runs out of memory ends its worker`));
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      const j = idle.indexOf(slot);
      if (j >= 0) idle.splice(j, 1);
    });
    slots.push(slot);
    return slot;
  };

  const acquire = (): Promise<Slot> => {
    while (idle.length) {
      const slot = idle.pop()!;
      if (!slot.dead) return Promise.resolve(slot);
    }
    if (slots.length < size) return Promise.resolve(spawn());
    return new Promise((resolve) => waiters.push(resolve));
  };

  const release = (slot: Slot) => {
    if (slot.dead) {
      // Replace a dead worker for whoever waits, so a crash does not stall the queue.
      const waiter = waiters.shift();
      if (waiter) waiter(spawn());
      return;
    }
    const waiter = waiters.shift();
    if (waiter) waiter(slot);
    else {
      // An idle pool must not keep Node running after the caller forgot close().
      slot.worker.unref();
      idle.push(slot);
    }
  };

  const exec = async (job: TrialJob): Promise<unknown> => {
    const slot = await acquire();
    slot.worker.ref();
    try {
      return await new Promise((resolve, reject) => {
        const id = nextId++;
        slot.pending = { id, resolve, reject };
        slot.worker.postMessage({ id, job });
      });
    } finally {
      release(slot);
    }
  };

  return {
    kind: 'worker-pool',
    concurrency: size,
    moduleUrl,
    exportName,
    async run(jobs, _local, onRun) {
      const runs: TrialRun[] = new Array(jobs.length);
      let next = 0;
      let firstError: unknown;
      const lane = async () => {
        while (firstError === undefined && next < jobs.length) {
          const i = next++;
          const job = jobs[i];
          let raw: unknown;
          try {
            raw = await exec(job);
          } catch (e) {
            firstError ??= e instanceof WorkerPoolError ? e : trialFailed(e, job, 'worker-pool');
            return;
          }
          try {
            runs[i] = toRun(raw, job, 'worker-pool');
            onRun?.(runs[i], i);
          } catch (e) {
            firstError ??= e;
            return;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(size, jobs.length) }, lane));
      if (firstError !== undefined) throw firstError;
      return runs;
    },
    async close() {
      const all = slots.splice(0);
      idle.length = 0;
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}

function toModuleUrl(module: string | URL): string {
  if (module instanceof URL) return module.href;
  // A scheme of two or more letters (file:, data:) is a URL; "C:\..." is a Windows path.
  if (/^[a-z][a-z0-9+.-]+:/i.test(module)) return module;
  return pathToFileURL(resolvePath(module)).href;
}
