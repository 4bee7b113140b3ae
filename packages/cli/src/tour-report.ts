import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { type ReportSection, writeHtmlReport } from '@lstm-kit/charts';
import type { SystemResult } from './system-result';
import type { SystemEntry } from './systems';

/** What the tour saves in `summary.json`, and what `lstm-kit report` reads back. */
export interface TourSummary {
  readonly backend: string;
  readonly quick: boolean;
  readonly date: string;
  readonly rows: readonly { entry: SystemEntry; result?: SystemResult; error?: string }[];
  readonly table: readonly string[];
}

/**
 * Write the tour's HTML report (`index.html`) from its summary: the closing table, then one
 * section per system with its figures, its printed details and every chart it wrote.
 *
 * @param dir the tour's output folder (holding `summary.json` and the systems' charts)
 * @returns the path of the report
 * @throws Error when `summary.json` is missing or not a tour summary
 * @example
 * const page = await writeTourReport('reports/tour');
 */
export async function writeTourReport(dir: string): Promise<string> {
  const summaryPath = join(dir, 'summary.json');
  if (!existsSync(summaryPath)) {
    throw new Error(`no tour summary at ${summaryPath}; run 'lstm-kit tour --out ${dir}' first`);
  }
  let summary: TourSummary;
  try {
    summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as TourSummary;
  } catch (e) {
    throw new Error(`${summaryPath} is not valid JSON (${(e as Error).message}); run the tour again`);
  }
  if (!Array.isArray(summary.rows)) throw new Error(`${summaryPath} is not a tour summary (no rows); run the tour again`);
  const sections: ReportSection[] = [
    {
      title: 'Summary',
      text: `${summary.backend}\n\nRun on ${summary.date}${summary.quick ? ' at reduced sizes (--quick)' : " at the book's sizes"}. Training times are beside PyTorch 1.13 (CPU, one thread) and the course's Keras figures.`,
      table: {
        columns: ['system', 'lesson', 'architecture', 'params', 'train s', 'PyTorch s', 'Keras s', 'skill', 'reference', 'verdict'],
        rows: summary.rows.map(({ entry, result, error }) => [
          entry.id,
          entry.lesson,
          result?.architecture ?? '-',
          result ? result.params.toLocaleString('en-US') : '-',
          result ? result.trainSeconds.toFixed(1) : '-',
          entry.pytorchSeconds?.toFixed(1) ?? '-',
          entry.kerasSeconds?.toFixed(0) ?? '-',
          result ? `${result.skill.name} ${result.skill.display}` : '-',
          result?.reference ?? '-',
          result ? (result.passed ? `ok (${result.threshold})` : `MISS (needs ${result.threshold})`) : `ERROR: ${error}`,
        ]),
      },
    },
  ];
  for (const { entry, result, error } of summary.rows) {
    if (!result) {
      sections.push({ title: `${entry.id} (${entry.lesson})`, text: `Did not run: ${error}` });
      continue;
    }
    const charts: string[] = [];
    const missing: string[] = [];
    for (const chart of result.charts ?? []) {
      const path = isAbsolute(chart.path) ? chart.path : resolve(dir, chart.path);
      if (path.endsWith('.svg') && existsSync(path)) charts.push(readFileSync(path, 'utf8'));
      else missing.push(chart.title);
    }
    const verdict = result.passed ? `reached ${result.threshold}` : `MISSED ${result.threshold}`;
    sections.push({
      title: `${result.id} (${result.lesson}): ${result.title}`,
      text: [
        `${result.architecture}; ${result.params.toLocaleString('en-US')} parameters; trained in ${result.trainSeconds.toFixed(1)} s on ${result.backend}.`,
        `${result.skill.name}: ${result.skill.display} (reference ${result.reference}): ${verdict}.`,
        ...(result.details ?? []),
        ...(missing.length ? [`Charts not found as SVG: ${missing.join(', ')}`] : []),
      ].join('\n\n'),
      charts,
    });
  }
  const out = join(dir, 'index.html');
  await writeHtmlReport(out, { title: 'lstm-kit tour', sections });
  return out;
}
