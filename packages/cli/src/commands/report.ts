import { EXIT_CODES } from '../exit-codes';
import { UsageError } from '../errors';
import { parseOptions } from '../parse-options';
import { writeTourReport } from '../tour-report';

/** Usage of `lstm-kit report`. */
export const REPORT_USAGE = `Usage: lstm-kit report <dir>

Writes <dir>/index.html from a tour's summary.json and the charts beside it: the closing
table, then each system's figures, details and charts. The page loads nothing from the network.`;

/**
 * `lstm-kit report <dir>`: (re)write a tour's HTML report.
 *
 * @returns the exit code
 * @throws UsageError without a folder
 */
export async function reportCommand(args: readonly string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseOptions(args, { help: { type: 'boolean', short: 'h' } }, 1);
  if (values.help) {
    out(REPORT_USAGE);
    return EXIT_CODES.ok;
  }
  if (positionals.length !== 1) throw new UsageError('expected the tour folder, e.g. lstm-kit report reports/tour');
  out(`Report written to ${await writeTourReport(positionals[0])}`);
  return EXIT_CODES.ok;
}
