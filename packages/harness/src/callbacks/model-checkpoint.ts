import type * as tf from '@tensorflow/tfjs';
import { saveModel } from '@lstm-kit/persistence';
import { TrainingConfigError } from '../errors';
import type { Callback, Logs, TrainingContext } from './callback';
import { type MonitorMode, improves, monitored, resolveMode } from './monitor';

/** Options of {@link modelCheckpoint}; the defaults are Keras's `ModelCheckpoint`. */
export interface ModelCheckpointOptions {
  /**
   * Where to save; may hold `{epoch}` (1-based, as Keras names files), `{epoch:03d}`, and any
   * log key such as `{val_loss}` or `{val_loss:.4f}`.
   */
  path: string;
  /** The figure that decides the best model. Default `'val_loss'`. */
  monitor?: string;
  /** Save only when the monitored figure improves. Default false (save every epoch). */
  saveBestOnly?: boolean;
  /** Direction of improvement; `'auto'` takes `max` for accuracies. Default `'auto'`. */
  mode?: MonitorMode;
  /** Save every this many epochs. Default 1. */
  every?: number;
  /** Passed to `@lstm-kit/persistence`'s `saveModel`: `'directory'` (default) or `'file'`. */
  format?: 'directory' | 'file';
  /** Save function; default `@lstm-kit/persistence`'s atomic `saveModel`. */
  save?: (model: tf.LayersModel, path: string) => Promise<unknown>;
  /** Print a line for each save. Default false. */
  verbose?: boolean;
  /** Where that line goes. Default `console.log`. */
  log?: (line: string) => void;
}

/** The checkpoint callback, with the paths it wrote. */
export interface ModelCheckpoint extends Callback {
  /** Every path saved to, in order. */
  readonly saved: readonly string[];
  /** The best monitored value seen (for `saveBestOnly`). */
  readonly best: number;
}

/**
 * Fill a checkpoint path template: `{epoch}`, `{epoch:02d}`, `{key}` and `{key:.4f}` from the logs.
 *
 * @throws TrainingConfigError for a key the logs do not hold
 * @example
 * formatCheckpointPath('ckpt/e{epoch:02d}-{val_loss:.2f}', 4, { val_loss: 0.1234 }); // 'ckpt/e05-0.12'
 */
export function formatCheckpointPath(template: string, epoch: number, logs: Logs): string {
  return template.replace(/\{(\w+)(?::(0?)(\d*)(?:\.(\d+))?([df]))?\}/g, (_m, key: string, zero: string, width: string, precision: string, kind: string) => {
    const value = key === 'epoch' ? epoch + 1 : logs[key];
    if (value === undefined) throw new TrainingConfigError(`checkpoint path '${template}' names {${key}}, which the logs do not hold (${Object.keys(logs).join(', ')})`);
    let text = kind === 'f' ? value.toFixed(precision ? Number(precision) : 6) : kind === 'd' ? String(Math.round(value)) : String(value);
    if (width) text = text.padStart(Number(width), zero ? '0' : ' ');
    return text;
  });
}

/**
 * Save the model during training (Keras's `ModelCheckpoint`), through `@lstm-kit/persistence`
 * so each write is atomic: every epoch, or only when the monitored figure improves.
 *
 * @param options path template, monitor, saveBestOnly, mode, format
 * @returns a callback exposing `saved` (the paths written) and `best`
 * @throws TrainingConfigError for a missing path, or (during training) a monitor or template key the logs lack
 * @example
 * const ckpt = modelCheckpoint({ path: 'models/best', monitor: 'val_loss', saveBestOnly: true });
 * await fit(model, data, { epochs: 50, validationSplit: 0.2, callbacks: [ckpt] });
 */
export function modelCheckpoint(options: ModelCheckpointOptions): ModelCheckpoint {
  if (!options || typeof options.path !== 'string' || options.path === '') {
    throw new TrainingConfigError(`modelCheckpoint needs a path, e.g. { path: 'models/epoch-{epoch}' }`);
  }
  const monitor = options.monitor ?? 'val_loss';
  const mode = resolveMode(monitor, options.mode ?? 'auto');
  const every = options.every ?? 1;
  if (!(Number.isInteger(every) && every > 0)) throw new TrainingConfigError(`expected every to be a positive integer, got ${every}`);
  const save = options.save ?? ((model: tf.LayersModel, path: string) => saveModel(model, path, { format: options.format ?? 'directory' }));
  const log = options.log ?? console.log;
  const saved: string[] = [];
  let best = mode === 'min' ? Infinity : -Infinity;
  let seen = 0;
  return {
    get saved() {
      return saved;
    },
    get best() {
      return best;
    },
    onTrainBegin() {
      best = mode === 'min' ? Infinity : -Infinity;
      seen = 0;
    },
    async onEpochEnd(epoch: number, logs: Logs, ctx: TrainingContext) {
      seen++;
      if (seen % every !== 0) return;
      if (options.saveBestOnly) {
        const current = monitored(logs, monitor, 'modelCheckpoint');
        if (!improves(current, best, 0, mode)) return;
        best = current;
      }
      const path = formatCheckpointPath(options.path, epoch, logs);
      await save(ctx.model, path);
      saved.push(path);
      if (options.verbose) log(`Epoch ${epoch + 1}: saved model to ${path}`);
    },
  };
}
