import { ChartDataError, RenderError } from './errors';
import type { VegaLiteSpec } from './vega-lite-spec';
import { describe } from './internal/check-values';
import { loadVega } from './internal/load-vega';

/**
 * Render a Vega-Lite spec to an SVG document, headless: vega-lite compiles it to a Vega spec
 * and a Vega view without a renderer draws it. A plain Vega spec (its `$schema` names
 * `/schema/vega/`) is rendered as is.
 *
 * @param spec a chart from this package, or any Vega-Lite spec with inline data
 * @returns the SVG markup, starting with `<svg`
 * @throws ChartDataError when `spec` is not an object
 * @throws RenderError when vega-lite or vega rejects the spec (the message carries theirs)
 * @example
 * const svg = await renderSvg(learningCurves({ history: { loss: [1, 0.5], val_loss: [1.1, 0.7] } }));
 * svg.startsWith('<svg'); // true
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new ChartDataError(`expected a Vega-Lite spec object, got ${describe(spec)}; pass the result of a chart function such as learningCurves()`);
  }
  const { vega, vegaLite } = await loadVega();
  const isVega = typeof spec.$schema === 'string' && spec.$schema.includes('/schema/vega/');
  let vegaSpec: import('vega').Spec;
  try {
    vegaSpec = isVega ? (spec as import('vega').Spec) : vegaLite.compile(spec as unknown as import('vega-lite').TopLevelSpec).spec;
  } catch (error) {
    throw new RenderError(
      `expected a valid Vega-Lite spec, but vega-lite could not compile it: ${(error as Error).message}; check the spec against https://vega.github.io/vega-lite/docs/`,
      { cause: error },
    );
  }
  let view: import('vega').View | undefined;
  try {
    // renderer 'none': no canvas or DOM is needed to produce SVG markup in Node.
    view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', logLevel: vega.Error });
    return await view.toSVG();
  } catch (error) {
    throw new RenderError(
      `vega could not render the spec: ${(error as Error).message}; check field names and data values in the spec`,
      { cause: error },
    );
  } finally {
    view?.finalize();
  }
}
