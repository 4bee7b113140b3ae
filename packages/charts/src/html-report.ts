import { ChartDataError } from './errors';
import type { VegaLiteSpec } from './vega-lite-spec';
import { describe } from './internal/check-values';
import { escapeHtml } from './internal/escape-html';
import { scopeSvgIds, stripXmlProlog } from './internal/scope-svg-ids';

/** A cell of a report table: text, a number (shown with 4 significant digits) or empty. */
export type TableCell = string | number | null | undefined;

/**
 * A table of a report section: named columns and rows of cells, or rows as records (columns
 * are then the keys in first-seen order), such as the `describe()` table of repeated runs.
 */
export type ReportTable =
  | { columns: readonly string[]; rows: readonly (readonly TableCell[])[] }
  | readonly Record<string, TableCell>[];

/** A section of an HTML report: a heading, optional text, charts and a table. */
export interface ReportSection {
  /** The section heading. */
  title: string;
  /** Explanatory text; blank lines separate paragraphs. Shown as text, never as HTML. */
  text?: string;
  /** Charts: SVG markup, or Vega-Lite specs (those need {@link renderHtmlReport} or {@link writeHtmlReport}). */
  charts?: readonly (string | VegaLiteSpec)[];
  /** A table shown after the charts. */
  table?: ReportTable;
}

/** An HTML report: a title and its sections, in order. */
export interface HtmlReport {
  /** The page title and top heading. */
  title: string;
  /** The sections, in order. */
  sections: readonly ReportSection[];
}

/**
 * A self-contained HTML page of headed sections with text, charts inlined as SVG and tables;
 * it loads nothing from the network (no scripts at all, and a content security policy that
 * forbids fetching), so it opens offline and in CI browsers.
 *
 * @param report the title and sections; charts must already be SVG strings here
 * @returns the HTML document
 * @throws ChartDataError when a chart is a spec (use {@link renderHtmlReport} to render specs
 *   first) or not SVG markup, or a table row has more cells than columns
 * @example
 * const svg = await renderSvg(learningCurves({ history }));
 * const html = htmlReport({ title: 'B12a', sections: [{ title: 'Good fit', text: '800 epochs', charts: [svg] }] });
 * await writeFile('report.html', html);
 */
export function htmlReport(report: HtmlReport): string {
  if (report === null || typeof report !== 'object' || typeof report.title !== 'string' || !Array.isArray(report.sections)) {
    throw new ChartDataError(`expected a report { title, sections: [...] }, got ${describe(report)}; give a title string and an array of sections`);
  }
  let chartNumber = 0;
  const sections = (report.sections as readonly ReportSection[]).map((section: ReportSection, s: number) => {
    if (section === null || typeof section !== 'object' || typeof section.title !== 'string') {
      throw new ChartDataError(`expected sections[${s}] to be { title, text?, charts?, table? }, got ${describe(section)}; give every section a title`);
    }
    const charts = (section.charts ?? []).map((chart, c) => {
      if (typeof chart !== 'string') {
        throw new ChartDataError(
          `expected sections[${s}].charts[${c}] to be SVG markup, got ${describe(chart)}; htmlReport is synchronous and cannot render specs: use await renderHtmlReport(report) or writeHtmlReport(path, report)`,
        );
      }
      const svg = stripXmlProlog(chart);
      if (!svg.startsWith('<svg')) {
        throw new ChartDataError(`expected sections[${s}].charts[${c}] to be SVG markup starting with <svg, got ${describe(chart)}; pass the output of renderSvg`);
      }
      chartNumber += 1;
      return `<figure class="chart">${scopeSvgIds(svg, `c${chartNumber}-`)}</figure>`;
    });
    const text = (section.text ?? '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => `<p>${escapeHtml(p)}</p>`);
    return [
      `<section>`,
      `<h2>${escapeHtml(section.title)}</h2>`,
      ...text,
      charts.length ? `<div class="charts">${charts.join('\n')}</div>` : '',
      section.table !== undefined ? tableHtml(section.table, s) : '',
      `</section>`,
    ]
      .filter((line) => line !== '')
      .join('\n');
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>
body { font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; margin: 24px; color: #222; background: #fff; }
h1 { font-size: 1.6em; margin: 0 0 16px; }
h2 { font-size: 1.25em; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
p { max-width: 60em; line-height: 1.45; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
figure.chart { margin: 0; }
figure.chart svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin-top: 12px; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 4px 10px; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f3f3f3; text-align: left; }
</style>
</head>
<body>
<h1>${escapeHtml(report.title)}</h1>
${sections.join('\n')}
</body>
</html>
`;
}

function tableHtml(table: ReportTable, section: number): string {
  let columns: readonly string[];
  let rows: readonly (readonly TableCell[])[];
  if (Array.isArray(table)) {
    const records = table as readonly Record<string, TableCell>[];
    columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
    rows = records.map((r) => columns.map((c) => r[c]));
  } else if (table !== null && typeof table === 'object' && Array.isArray((table as { columns?: unknown }).columns)) {
    ({ columns, rows } = table as { columns: readonly string[]; rows: readonly (readonly TableCell[])[] });
    if (!Array.isArray(rows)) {
      throw new ChartDataError(`expected sections[${section}].table.rows to be an array of rows, got ${describe(rows)}; give rows as arrays of cells`);
    }
    rows.forEach((row, r) => {
      if (!Array.isArray(row) || row.length > columns.length) {
        throw new ChartDataError(
          `expected sections[${section}].table.rows[${r}] to have at most ${columns.length} cells (one per column), got ${describe(row)}; add a column or drop cells`,
        );
      }
    });
  } else {
    throw new ChartDataError(
      `expected sections[${section}].table to be { columns, rows } or an array of records, got ${describe(table)}; e.g. { columns: ['cells', 'mean'], rows: [[1, 0.206]] }`,
    );
  }
  const head = `<tr>${columns.map((c) => `<th>${escapeHtml(String(c))}</th>`).join('')}</tr>`;
  const body = rows
    .map((row) => `<tr>${columns.map((_, i) => cellHtml(row[i])).join('')}</tr>`)
    .join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function cellHtml(cell: TableCell): string {
  if (typeof cell === 'number') {
    // 4 significant digits: enough to read the course's means (0.206, 0.0008) and short enough to scan.
    const text = Number.isInteger(cell) ? String(cell) : Number.isFinite(cell) ? String(Number(cell.toPrecision(4))) : String(cell);
    return `<td class="number">${escapeHtml(text)}</td>`;
  }
  return `<td>${cell === null || cell === undefined ? '' : escapeHtml(String(cell))}</td>`;
}
