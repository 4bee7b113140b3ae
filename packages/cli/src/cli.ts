import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { BackendPreference } from '@lstm-kit/backend';
import { UsageError } from './errors';
import { runTour } from './tour';
import { SYSTEMS } from './systems';

/** Exit codes a script can rely on. */
export const EXIT = {
  /** Everything ran; every system reached its reference skill. */
  ok: 0,
  /** Something failed (an error is printed). */
  error: 1,
  /** The command was called wrongly (usage is printed). */
  usage: 2,
  /** Everything ran but at least one system missed its reference skill. */
  missed: 3,
} as const;

const USAGE = `Usage: lstm-kit <command> [options]

Commands:
  tour      run the example systems of the course and print their skill beside the reference

Run 'lstm-kit <command> --help' for a command's options.`;

const TOUR_USAGE = `Usage: lstm-kit tour [--quick] [--only a,b] [--backend auto|tensorflow|wasm|cpu] [--out dir]

Runs every example system at the book's sizes on the chosen backend and ends with a table:
system, architecture, params, training seconds (beside PyTorch's), skill, reference, verdict.

Options:
  --quick            reduced sizes for a fast look
  --only a,b         run only these systems (${SYSTEMS.map((s) => s.id).join(', ')})
  --backend name     auto (default, or LSTM_KIT_BACKEND), tensorflow, wasm or cpu
  --out dir          where the summary and charts go (default reports/tour)
  -h, --help         this help

Exit codes: 0 all reached their skill, 1 error, 2 usage, 3 a system missed its skill.`;

/**
 * Run the `lstm-kit` command with the given arguments.
 *
 * @param argv the arguments after the program name
 * @param io where output and errors go (defaults: console.log, console.error)
 * @returns the exit code (see {@link EXIT})
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(
  argv: readonly string[],
  io: { out?: (line: string) => void; err?: (line: string) => void } = {},
): Promise<number> {
  const out = io.out ?? ((l: string) => console.log(l));
  const err = io.err ?? ((l: string) => console.error(l));
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        out(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      case 'tour':
        return await tourCommand(rest, out);
      default:
        throw new UsageError(`unknown command '${command}'; expected one of: tour`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`lstm-kit: ${e.message}`);
      err(command === 'tour' ? TOUR_USAGE : USAGE);
      return EXIT.usage;
    }
    err(`lstm-kit: ${(e as Error).message}`);
    return EXIT.error;
  }
}

async function tourCommand(args: readonly string[], out: (line: string) => void): Promise<number> {
  const { values } = parseOptions(args, {
    quick: { type: 'boolean' },
    only: { type: 'string' },
    backend: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    out(TOUR_USAGE);
    return EXIT.ok;
  }
  const backend = values.backend as string | undefined;
  if (backend !== undefined && !['auto', 'tensorflow', 'wasm', 'cpu'].includes(backend)) {
    throw new UsageError(`unknown backend '${backend}'; expected auto, tensorflow, wasm or cpu`);
  }
  const only = typeof values.only === 'string' ? values.only.split(',').map((s: string) => s.trim()).filter(Boolean) : undefined;
  const report = await runTour({
    quick: Boolean(values.quick),
    only,
    backend: backend as BackendPreference | undefined,
    outDir: values.out as string | undefined,
    log: out,
  });
  return report.allPassed ? EXIT.ok : EXIT.missed;
}

function parseOptions(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: false, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
