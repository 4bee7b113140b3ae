import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { type NdArray, type Nested, fromNested } from '@lstm-kit/sequence';
import { UsageError } from './errors';

/**
 * Read numeric rows from a CSV file (a header row is detected and skipped) or a JSON file
 * (a nested numeric array), for `lstm-kit evaluate` and `lstm-kit predict`.
 *
 * @param path a `.csv` or `.json` file
 * @returns for CSV, a `[rows, columns]` array; for JSON, an array of the file's own shape
 * @throws UsageError when the file is missing, of another kind, ragged, or holds non-numbers
 * @example
 * const rows = readRows('data.csv'); // shape [n, columns]
 */
export function readRows(path: string): NdArray {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); give a .csv or .json file`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`${path} is not valid JSON (${(e as Error).message})`);
    }
    try {
      return fromNested(value as Nested);
    } catch (e) {
      throw new UsageError(`${path}: expected a rectangular nested array of numbers: ${(e as Error).message}`);
    }
  }
  if (ext !== '.csv') throw new UsageError(`expected a .csv or .json file, got '${path}'`);
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
  } catch (e) {
    throw new UsageError(`${path} is not valid CSV: ${(e as Error).message}`);
  }
  if (records.length > 0 && records[0].some((cell) => cell !== '' && !Number.isFinite(Number(cell)))) records = records.slice(1);
  if (records.length === 0) throw new UsageError(`${path} has no data rows`);
  const columns = records[0].length;
  const data = new Float32Array(records.length * columns);
  records.forEach((row, r) =>
    row.forEach((cell, c) => {
      const v = cell === '' ? Number.NaN : Number(cell);
      if (!Number.isFinite(v)) {
        throw new UsageError(`${path}: row ${r + 1}, column ${c + 1} is '${cell}', expected a number`);
      }
      data[r * columns + c] = v;
    }),
  );
  return { shape: [records.length, columns], data };
}
