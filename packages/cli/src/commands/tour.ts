import type { BackendPreference } from '@lstm-kit/backend';
import { EXIT_CODES } from '../exit-codes';
import { parseBackend, parseOptions } from '../parse-options';
import { SYSTEMS } from '../systems';
import { runTour } from '../tour';

/** Usage of `lstm-kit tour`. */
export const TOUR_USAGE = `Usage: lstm-kit tour [--quick] [--only a,b] [--backend auto|tensorflow|wasm|cpu] [--out dir]

Runs every example system at the book's sizes on the chosen backend and ends with a table:
system, architecture, params, training seconds (beside PyTorch's and Keras's), skill,
reference, verdict; then writes an HTML report with every chart.

Options:
  --quick            reduced sizes for a fast look
  --only a,b         run only these systems (${SYSTEMS.map((s) => s.id).join(', ')})
  --backend name     auto (default, or LSTM_KIT_BACKEND), tensorflow, wasm or cpu
  --out dir          where the summary, charts and report go (default reports/tour)
  -h, --help         this help

Exit codes: 0 all reached their skill, 1 error, 2 usage, 3 a system missed its skill.`;

/**
 * `lstm-kit tour`: run the example systems and print the table.
 *
 * @returns the exit code: 0 when every system reached its skill, 3 otherwise
 * @throws UsageError for an unknown option, backend or system
 */
export async function tourCommand(args: readonly string[], out: (line: string) => void): Promise<number> {
  const { values } = parseOptions(args, {
    quick: { type: 'boolean' },
    only: { type: 'string' },
    backend: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    out(TOUR_USAGE);
    return EXIT_CODES.ok;
  }
  const backend = parseBackend(values.backend) as BackendPreference | undefined;
  const only = typeof values.only === 'string' ? values.only.split(',').map((s: string) => s.trim()).filter(Boolean) : undefined;
  const report = await runTour({ quick: Boolean(values.quick), only, backend, outDir: values.out as string | undefined, log: out });
  return report.allPassed ? EXIT_CODES.ok : EXIT_CODES.missed;
}
