import type { HtmlReport } from './html-report';
import { renderHtmlReport } from './render-html-report';
import { writeFileAtomic } from './internal/write-file-atomic';

/**
 * Render a report's specs to SVG and write the self-contained HTML page to `path` (through a
 * temporary file and a rename; missing folders are created).
 *
 * @param path the output file, conventionally ending in `.html`
 * @param report the title and sections; charts as specs or SVG strings
 * @returns a promise that resolves once the file is in place
 * @throws ChartDataError for a malformed report
 * @throws RenderError when a spec cannot be rendered or the file cannot be written
 * @example
 * await writeHtmlReport('out/report.html', {
 *   title: 'Fit diagnosis', sections: [{ title: 'Over-fit', text: '1200 epochs', charts: [learningCurves({ history })] }],
 * });
 */
export async function writeHtmlReport(path: string, report: HtmlReport): Promise<void> {
  await writeFileAtomic(path, await renderHtmlReport(report));
}
