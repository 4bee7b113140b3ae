import { type BackendPreference, describeBackend, initBackend } from '@lstm-kit/backend';
import { EXIT_CODES } from '../exit-codes';
import { UsageError } from '../errors';
import { loadSystemModule, selectSystems } from '../load-system';
import { parseOptions, parseBackend, parseInteger } from '../parse-options';
import { tourTable } from '../tour';

/** Usage of `lstm-kit train`. */
export const TRAIN_USAGE = `Usage: lstm-kit train <system> [--quick] [--seed n] [--backend name] [--out dir]

Trains one example system (as the tour does) and prints its output and its row of the table.

Options:
  --quick            reduced sizes
  --seed n           seed for data, initial weights and shuffling (default: the app's own)
  --backend name     auto (default, or LSTM_KIT_BACKEND), tensorflow, wasm or cpu
  --out dir          where its charts go (default: none written)
  -h, --help         this help`;

/**
 * `lstm-kit train <system>`: run one example system.
 *
 * @returns the exit code: 0 when it reached its reference skill, 3 when it missed
 * @throws UsageError for an unknown system or option
 */
export async function trainCommand(args: readonly string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    quick: { type: 'boolean' },
    seed: { type: 'string' },
    backend: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, 1);
  if (values.help) {
    out(TRAIN_USAGE);
    return EXIT_CODES.ok;
  }
  if (positionals.length !== 1) throw new UsageError('expected one system to train, e.g. lstm-kit train echo');
  const [entry] = selectSystems(positionals);
  const info = await initBackend({ prefer: parseBackend(values.backend) as BackendPreference | undefined });
  out(describeBackend(info));
  const { run } = await loadSystemModule(entry);
  const result = await run({
    quick: Boolean(values.quick),
    backend: info.name,
    seed: values.seed === undefined ? undefined : parseInteger('--seed', values.seed),
    log: out,
    outDir: values.out as string | undefined,
  });
  out('');
  for (const line of tourTable([{ entry, result }])) out(line);
  return result.passed ? EXIT_CODES.ok : EXIT_CODES.missed;
}
