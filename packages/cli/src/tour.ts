import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BackendPreference, describeBackend, initBackend } from '@lstm-kit/backend';
import { formatTable } from './format-table';
import { loadSystemModule, selectSystems } from './load-system';
import type { SystemResult, SystemRunner } from './system-result';
import type { SystemEntry } from './systems';
import { type TourSummary, writeTourReport } from './tour-report';

/** Options of {@link runTour}. */
export interface TourOptions {
  /** Reduced sizes for a fast look. Default false: the book's sizes. */
  quick?: boolean;
  /** Run only these systems (ids such as `echo`). Default: all. */
  only?: readonly string[];
  /** The backend to train on. Default: `LSTM_KIT_BACKEND`, else `auto`. */
  backend?: BackendPreference;
  /** Where the summary, charts and HTML report go. Default `reports/tour`; `null` writes nothing. */
  outDir?: string | null;
  /** Where lines go. Default `console.log`. */
  log?: (line: string) => void;
  /** How to load a system's `run`; by default its app package is imported. */
  load?: (entry: SystemEntry) => Promise<SystemRunner>;
}

/** One row of the tour: the system's result, or why it could not run. */
export interface TourRow {
  readonly entry: SystemEntry;
  readonly result?: SystemResult;
  readonly error?: string;
}

/** What the tour did. */
export interface TourReport {
  readonly backend: string;
  readonly rows: readonly TourRow[];
  /** The table as printed. */
  readonly table: readonly string[];
  /** True when every system ran and reached its threshold. */
  readonly allPassed: boolean;
}

/**
 * Run every example system (or those named), print each one's output, and end with a table
 * of system, architecture, params, training time beside the PyTorch reference, skill,
 * reference skill and verdict. A miss is printed as a miss.
 *
 * @param options which systems, sizes, backend and output folder
 * @returns the rows and the table
 * @throws UsageError when `only` names a system that does not exist
 * @example
 * const report = await runTour({ quick: true, only: ['echo'] });
 * if (!report.allPassed) process.exitCode = 3;
 */
export async function runTour(options: TourOptions = {}): Promise<TourReport> {
  const log = options.log ?? console.log;
  const selected = selectSystems(options.only);
  const info = await initBackend({ prefer: options.backend });
  log(describeBackend(info));
  const outDir = options.outDir === null ? undefined : resolve(options.outDir ?? join('reports', 'tour'));
  const load = options.load ?? (async (entry: SystemEntry) => (await loadSystemModule(entry)).run);
  const rows: TourRow[] = [];
  for (const [i, entry] of selected.entries()) {
    log('');
    log(`== [${i + 1}/${selected.length}] ${entry.id} (${entry.lesson}) ==`);
    try {
      const run = await load(entry);
      const result = await run({ quick: options.quick, backend: info.name, log, outDir: outDir && join(outDir, entry.id) });
      rows.push({ entry, result });
    } catch (e) {
      const message = (e as Error).message ?? String(e);
      log(`${entry.id} failed: ${message}`);
      rows.push({ entry, error: message });
    }
  }
  const table = tourTable(rows);
  log('');
  for (const line of table) log(line);
  const allPassed = rows.every((r) => r.result?.passed === true);
  const misses = rows.filter((r) => r.result?.passed !== true).map((r) => r.entry.id);
  log('');
  log(allPassed ? `All ${rows.length} systems reached their reference skill.` : `Missed: ${misses.join(', ')}.`);
  if (outDir) {
    writeSummary(outDir, { backend: describeBackend(info), quick: Boolean(options.quick), date: new Date().toISOString(), rows, table });
    const page = await writeTourReport(outDir);
    log(`Report written to ${page} (summary in ${join(outDir, 'summary.json')})`);
  }
  return { backend: info.name, rows, table, allPassed };
}

/**
 * The tour's closing table: one row per system with its figures beside the references.
 *
 * @example
 * tourTable(report.rows).forEach((line) => console.log(line));
 */
export function tourTable(rows: readonly TourRow[]): string[] {
  const header = ['system', 'lesson', 'architecture', 'params', 'train s', 'PyTorch s', 'Keras s', 'skill', 'reference', 'verdict'];
  const body = rows.map(({ entry, result, error }) => {
    const pytorch = entry.pytorchSeconds === undefined ? '-' : entry.pytorchSeconds.toFixed(1);
    const keras = entry.kerasSeconds === undefined ? '-' : entry.kerasSeconds.toFixed(0);
    if (!result) return [entry.id, entry.lesson, '-', '-', '-', pytorch, keras, '-', '-', `ERROR: ${error}`];
    return [
      entry.id,
      entry.lesson,
      clip(result.architecture, 56),
      result.params.toLocaleString('en-US'),
      result.trainSeconds.toFixed(1),
      pytorch,
      keras,
      clip(`${result.skill.name} ${result.skill.display}`, 40),
      clip(result.reference, 28),
      result.passed ? `ok (${result.threshold})` : `MISS (needs ${result.threshold})`,
    ];
  });
  return formatTable(header, body, ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'l', 'l', 'l']);
}

// Long cells are cut in the terminal table only: the HTML report and summary.json keep them whole.
function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function writeSummary(outDir: string, summary: TourSummary): void {
  mkdirSync(outDir, { recursive: true });
  const target = join(outDir, 'summary.json');
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(summary, null, 2));
  renameSync(tmp, target);
}
