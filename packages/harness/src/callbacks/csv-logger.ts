import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Callback, Logs } from './callback';

/** Options of {@link csvLogger}. */
export interface CsvLoggerOptions {
  /** Field separator. Default `','`. */
  separator?: string;
  /** Append to an existing file (no second header) instead of overwriting. Default false. */
  append?: boolean;
}

/**
 * Write one CSV row per epoch (Keras's `CSVLogger`): an `epoch` column, then the log keys in
 * sorted order, as Keras writes them.
 *
 * @param path the CSV file (folders are created)
 * @param options separator and append
 * @returns a callback for `fit` or `fitOnline`
 * @example
 * await fit(model, data, { epochs: 100, callbacks: [csvLogger('runs/b12a.csv')] });
 */
export function csvLogger(path: string, options: CsvLoggerOptions = {}): Callback {
  const sep = options.separator ?? ',';
  let keys: string[] | null = null;
  return {
    async onTrainBegin() {
      keys = null;
      await mkdir(dirname(path), { recursive: true });
      if (!options.append) await writeFile(path, '');
    },
    async onEpochEnd(epoch: number, logs: Logs) {
      let text = '';
      if (!keys) {
        keys = Object.keys(logs).sort();
        if (!options.append) text += ['epoch', ...keys].join(sep) + '\n';
      }
      text += [String(epoch), ...keys.map((k) => (logs[k] === undefined ? '' : String(logs[k])))].join(sep) + '\n';
      await appendFile(path, text);
    },
  };
}
