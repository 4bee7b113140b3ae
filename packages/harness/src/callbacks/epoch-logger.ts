import { formatLogs } from '../progress-bar';
import type { Callback } from './callback';

/** Options of {@link epochLogger}. */
export interface EpochLoggerOptions {
  /** Print every this many epochs (and always the last one). Default 100. */
  every?: number;
  /** Where lines go. Default `console.log`. */
  log?: (line: string) => void;
  /** Text before each line, e.g. the model's name. Default none. */
  prefix?: string;
}

/**
 * A progress line every N epochs instead of one per epoch: the labs train 1,000–2,000 epochs
 * on tiny data, where Keras's one line per epoch buries the result. Use with `verbose: 0`.
 *
 * @param options how often, where, and a prefix
 * @returns a callback for `fit`
 * @example
 * await fit(model, data, { epochs: 2000, verbose: 0, callbacks: [epochLogger({ every: 500, prefix: 'LSTM(50)' })] });
 * // LSTM(50): epoch 500/2000 - loss: 12.3456 - val_loss: 40.1234
 */
export function epochLogger(options: EpochLoggerOptions = {}): Callback {
  const every = options.every ?? 100;
  const log = options.log ?? ((line: string) => console.log(line));
  const prefix = options.prefix ? `${options.prefix}: ` : '';
  return {
    onEpochEnd(epoch, logs, ctx) {
      const epochs = ctx.params.epochs;
      if ((epoch + 1) % every === 0 || epoch + 1 === epochs) log(`${prefix}epoch ${epoch + 1}/${epochs}${formatLogs(logs)}`);
    },
  };
}
