import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Callback, Logs } from './callback';

/**
 * Write one JSON object per epoch and line: `{"epoch":0,"loss":0.25,"val_loss":0.31}`,
 * easy to stream into charts or `jq`.
 *
 * @param path the `.jsonl` file (folders are created; overwritten unless `append`)
 * @param options `append` to keep earlier lines
 * @returns a callback for `fit` or `fitOnline`
 * @example
 * await fit(model, data, { epochs: 100, callbacks: [jsonLinesLogger('runs/b12a.jsonl')] });
 */
export function jsonLinesLogger(path: string, options: { append?: boolean } = {}): Callback {
  return {
    async onTrainBegin() {
      await mkdir(dirname(path), { recursive: true });
      if (!options.append) await writeFile(path, '');
    },
    async onEpochEnd(epoch: number, logs: Logs) {
      // NaN and Infinity are not JSON; write null so every line parses.
      const record = Object.fromEntries([['epoch', epoch], ...Object.entries(logs).map(([k, v]) => [k, Number.isFinite(v) ? v : null])]);
      await appendFile(path, JSON.stringify(record) + '\n');
    },
  };
}
