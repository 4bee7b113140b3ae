import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors';

/**
 * Parse a command's options strictly; a mistake becomes a UsageError.
 *
 * @param maxPositionals how many positional arguments the command takes
 */
export function parseOptions(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>, maxPositionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: maxPositionals > 0, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (parsed.positionals.length > maxPositionals && !parsed.values.help) {
    throw new UsageError(`unexpected argument '${parsed.positionals[maxPositionals]}'`);
  }
  return parsed;
}

/** Check a `--backend` value. */
export function parseBackend(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !['auto', 'tensorflow', 'wasm', 'cpu'].includes(value)) {
    throw new UsageError(`unknown backend '${String(value)}'; expected auto, tensorflow, wasm or cpu`);
  }
  return value;
}

/** Parse a non-negative integer option. */
export function parseInteger(name: string, value: unknown): number {
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 0) {
    throw new UsageError(`${name} expects a non-negative integer, got '${String(value)}'`);
  }
  return n;
}
