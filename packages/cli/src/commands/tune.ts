import { type BackendPreference, describeBackend, initBackend } from '@lstm-kit/backend';
import { formatGridTable, gridSearch } from '@lstm-kit/harness';
import { EXIT_CODES } from '../exit-codes';
import { UsageError } from '../errors';
import { loadSystemModule, selectSystems } from '../load-system';
import { parseBackend, parseInteger, parseOptions } from '../parse-options';

/** Usage of `lstm-kit tune`. */
export const TUNE_USAGE = `Usage: lstm-kit tune <system> --grid key=a,b,c [--grid key=…] [--repeats n] [--quick] [--seed n]

Grid search over an example system's options: every combination of the grid runs n times
(the same seeds for every combination) and the table gives the mean, spread and quartiles of
the system's skill per configuration and per value, and the best configuration.

Options:
  --grid key=a,b,c   values to try for one option (repeatable); the system lists its options
  --repeats n        runs per configuration (default 3)
  --quick            reduced sizes
  --seed n           seed the run seeds are drawn from (default 1)
  --backend name     auto (default), tensorflow, wasm or cpu
  -h, --help         this help`;

/**
 * `lstm-kit tune <system> --grid key=a,b`: grid search over an app's tunable options.
 *
 * @returns the exit code
 * @throws UsageError for an unknown system, option or value
 */
export async function tuneCommand(args: readonly string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    grid: { type: 'string', multiple: true },
    repeats: { type: 'string' },
    quick: { type: 'boolean' },
    seed: { type: 'string' },
    backend: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, 1);
  if (values.help) {
    out(TUNE_USAGE);
    return EXIT_CODES.ok;
  }
  if (positionals.length !== 1) throw new UsageError('expected one system to tune, e.g. lstm-kit tune echo --grid units=10,25');
  const [entry] = selectSystems(positionals);
  const module = await loadSystemModule(entry);
  const tunable = module.tunable ?? {};
  const grids = (values.grid as string[] | undefined) ?? [];
  if (grids.length === 0) throw new UsageError(`expected at least one --grid key=a,b,c; ${entry.id} can vary: ${Object.keys(tunable).join(', ') || 'nothing'}`);
  const space: Record<string, (number | string)[]> = {};
  for (const g of grids) {
    const eq = g.indexOf('=');
    const key = eq > 0 ? g.slice(0, eq) : '';
    const kind = tunable[key];
    if (!kind) {
      throw new UsageError(`${entry.id} has no tunable option '${key || g}'; it can vary: ${Object.keys(tunable).join(', ') || 'nothing'}`);
    }
    const list = g.slice(eq + 1).split(',').map((v) => v.trim()).filter(Boolean);
    if (list.length === 0) throw new UsageError(`--grid ${key}= needs at least one value`);
    space[key] = list.map((v) => (kind === 'number' ? parseNumber(key, v) : v));
  }
  const repeats = values.repeats === undefined ? 3 : parseInteger('--repeats', values.repeats);
  const seed = values.seed === undefined ? 1 : parseInteger('--seed', values.seed);
  const info = await initBackend({ prefer: parseBackend(values.backend) as BackendPreference | undefined });
  out(describeBackend(info));
  const direction = module.higherIsBetter ? 'max' : 'min';
  let skillName = 'skill';
  const result = await gridSearch(
    space,
    async (config, ctx) => {
      // config holds the grid's values and the fixed settings.
      const r = await module.run({ ...config, seed: ctx.seed, verbose: 0 });
      skillName = r.skill.name;
      return r.skill.value;
    },
    {
      repeats,
      seed,
      mode: direction,
      // Held the same for every configuration; the table prints them above its rows.
      fixed: { quick: Boolean(values.quick), backend: info.name },
      onResult: ({ label, run }) => out(`${label} (seed ${run.seed}): ${skillName} ${run.score.toPrecision(4)}`),
    },
  );
  out('');
  out(`${entry.id}: ${skillName} over ${repeats} repeats per configuration (${direction === 'max' ? 'higher' : 'lower'} is better)`);
  out(formatGridTable(result));
  return EXIT_CODES.ok;
}

function parseNumber(key: string, v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`--grid ${key}: '${v}' is not a number`);
  return n;
}
