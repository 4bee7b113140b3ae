import { extname } from 'node:path';
import { ChartDataError } from './errors';
import type { VegaLiteSpec } from './vega-lite-spec';
import { renderSvg } from './render-svg';
import { renderPng, type PngOptions } from './render-png';
import { renderHtmlReport } from './render-html-report';
import { writeFileAtomic } from './internal/write-file-atomic';

/**
 * Render a chart and write it to a file whose extension picks the format: `.svg`, `.png`, or
 * `.html` (a one-chart report). The file is written to a temporary name and renamed, so it is
 * never seen half written; missing folders are created.
 *
 * @param spec a chart from this package, or any Vega-Lite spec with inline data
 * @param path the output file, ending in `.svg`, `.png` or `.html` (any case)
 * @param options PNG options (`scale`, `background`, `fontFamily`, `fontFiles`), used for `.png`
 * @returns a promise that resolves once the file is in place
 * @throws ChartDataError when the extension is none of `.svg`, `.png`, `.html`
 * @throws RenderError when rendering or writing fails
 * @example
 * await writeChart(learningCurves({ history }), 'out/curves.svg');
 * await writeChart(boxPlot({ groups, yTitle: 'loss' }), 'out/box.png', { scale: 2 });
 */
export async function writeChart(spec: VegaLiteSpec, path: string, options: PngOptions = {}): Promise<void> {
  const ext = extname(path).toLowerCase();
  if (ext === '.svg') return writeFileAtomic(path, await renderSvg(spec));
  if (ext === '.png') return writeFileAtomic(path, await renderPng(spec, options));
  if (ext === '.html' || ext === '.htm') {
    const title = typeof spec.title === 'string' ? spec.title : 'Chart';
    return writeFileAtomic(path, await renderHtmlReport({ title, sections: [{ title, charts: [spec] }] }));
  }
  throw new ChartDataError(
    `expected a file name ending in .svg, .png or .html, got "${path}"${ext ? ` (extension ${ext})` : ' (no extension)'}; add one of those extensions`,
  );
}
