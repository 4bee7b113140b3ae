import { ChartDataError, RenderError } from './errors';
import type { VegaLiteSpec } from './vega-lite-spec';
import { renderSvg } from './render-svg';
import { svgToPng, type PngOptions } from './internal/svg-to-png';

export type { PngOptions } from './internal/svg-to-png';

/**
 * Render a Vega-Lite spec to a PNG image: vega draws the SVG, resvg rasterises it with the
 * system's fonts (DejaVu Sans unless `fontFamily` names another; resvg substitutes an installed
 * font for a missing one).
 *
 * @param spec a chart from this package, or any Vega-Lite spec with inline data
 * @param options `scale` (pixels per SVG unit, default 1; 2 for high-DPI screens),
 *   `background` (CSS colour or `transparent`; default the spec's, white), `fontFamily`, `fontFiles` (extra .ttf/.otf paths)
 * @returns the PNG file bytes
 * @throws ChartDataError when `scale` is not a positive number
 * @throws RenderError when the spec cannot be rendered, or no usable font is found (install
 *   Debian's `fonts-dejavu-core` or pass `fontFiles`)
 * @example
 * const png = await renderPng(boxPlot({ groups: [{ name: 'a', values: [1, 2, 3] }], yTitle: 'loss' }), { scale: 2 });
 * await writeFile('box.png', png);
 */
export async function renderPng(spec: VegaLiteSpec, options: PngOptions = {}): Promise<Uint8Array> {
  const scale = options.scale ?? 1;
  if (typeof scale !== 'number' || !(scale > 0) || !Number.isFinite(scale)) {
    throw new ChartDataError(`expected scale to be a positive number, got ${String(scale)}; use 1, or 2 for high-DPI screens`);
  }
  // vega paints its own white background rect, so a requested background (transparent
  // included) must reach the spec, not only resvg's canvas.
  const svg = await renderSvg(options.background === undefined ? spec : { ...spec, background: options.background });
  return svgToPng(svg, options).catch((error: unknown) => {
    if (error instanceof RenderError) throw error;
    throw new RenderError(`resvg could not rasterise the chart: ${(error as Error).message}; render it to SVG instead`, { cause: error });
  });
}
