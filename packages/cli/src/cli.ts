import { EVALUATE_USAGE, evaluateCommand } from './commands/evaluate';
import { PREDICT_USAGE, predictCommand } from './commands/predict';
import { REPORT_USAGE, reportCommand } from './commands/report';
import { TOUR_USAGE, tourCommand } from './commands/tour';
import { TRAIN_USAGE, trainCommand } from './commands/train';
import { TUNE_USAGE, tuneCommand } from './commands/tune';
import { UsageError } from './errors';
import { EXIT_CODES } from './exit-codes';

/** Exit codes a script can rely on: 0 ok, 1 error, 2 usage, 3 a system missed its skill. */
export const EXIT = EXIT_CODES;

type Command = (args: readonly string[], out: (line: string) => void) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string; summary: string }> = {
  tour: { run: tourCommand, usage: TOUR_USAGE, summary: 'run every example system and print its skill beside the reference' },
  train: { run: trainCommand, usage: TRAIN_USAGE, summary: 'run one example system' },
  evaluate: { run: evaluateCommand, usage: EVALUATE_USAGE, summary: 'evaluate a saved model on a CSV of samples and targets' },
  predict: { run: predictCommand, usage: PREDICT_USAGE, summary: 'predict with a saved model (raw input when saved with its pipeline)' },
  tune: { run: tuneCommand, usage: TUNE_USAGE, summary: "grid search over an example system's options" },
  report: { run: reportCommand, usage: REPORT_USAGE, summary: "write a tour's HTML report" },
};

const USAGE = `Usage: lstm-kit <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`)
  .join('\n')}

Run 'lstm-kit <command> --help' for a command's options.
Exit codes: 0 ok, 1 error, 2 usage, 3 a system missed its reference skill.`;

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
  const known = command === undefined ? undefined : COMMANDS[command];
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      out(USAGE);
      return command === undefined ? EXIT_CODES.usage : EXIT_CODES.ok;
    }
    if (!known) throw new UsageError(`unknown command '${command}'; expected one of: ${Object.keys(COMMANDS).join(', ')}`);
    return await known.run(rest, out);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`lstm-kit: ${e.message}`);
      err(known?.usage ?? USAGE);
      return EXIT_CODES.usage;
    }
    err(`lstm-kit: ${(e as Error).message}`);
    return EXIT_CODES.error;
  }
}
