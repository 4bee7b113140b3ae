import type { VegaLiteSpec } from './vega-lite-spec';
import { htmlReport, type HtmlReport } from './html-report';
import { renderSvg } from './render-svg';

/**
 * Like {@link htmlReport}, but charts may also be Vega-Lite specs: each is rendered to SVG
 * (one after another, to keep memory low on small machines) and inlined.
 *
 * @param report the title and sections; charts as specs or SVG strings
 * @returns the HTML document
 * @throws ChartDataError for a malformed report (see {@link htmlReport})
 * @throws RenderError when a spec cannot be rendered
 * @example
 * const html = await renderHtmlReport({
 *   title: 'B12b', sections: [{ title: 'Cells', charts: [boxPlot({ groups, yTitle: 'loss' })], table: rows }],
 * });
 */
export async function renderHtmlReport(report: HtmlReport): Promise<string> {
  const sections = [];
  for (const section of Array.isArray(report?.sections) ? report.sections : []) {
    const charts: string[] = [];
    for (const chart of section?.charts ?? []) {
      charts.push(typeof chart === 'string' ? chart : await renderSvg(chart as VegaLiteSpec));
    }
    sections.push({ ...section, charts });
  }
  // htmlReport validates the rest and reports a malformed report with its own message.
  return htmlReport(Array.isArray(report?.sections) ? { ...report, sections } : report);
}
