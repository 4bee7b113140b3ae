import { ChartDataError } from './errors';
import { type VegaLiteSpec, VEGA_LITE_SCHEMA } from './vega-lite-spec';
import { checkNonEmpty, describe } from './internal/check-values';
import { paletteFor } from './internal/palette';

/** A point of a drawn shape. */
export interface Point {
  x: number;
  y: number;
}

/** One panel of {@link rectanglesChart}: a titled set of shapes, e.g. after 100 training rectangles. */
export interface ShapePanel {
  /** Panel header, e.g. `100 examples`. */
  title: string;
  /** Each shape is the list of its corners in drawing order, e.g. [0,0] then three predictions. */
  shapes: readonly (readonly Point[])[];
}

/** Options of {@link rectanglesChart}. */
export interface RectanglesChartOptions {
  /** The panels, drawn side by side in the given order. */
  panels: readonly ShapePanel[];
  /** Chart title; default `Generated shapes`. */
  title?: string;
  /** Join the last corner back to the first, as a rectangle is drawn; default true. */
  closed?: boolean;
  /** Panels per row; default all in one row, at most 4. */
  columns?: number;
  /** Width and height of one panel in pixels (x and y share one scale); default 180. */
  panelSize?: number;
}

/**
 * Polygons drawn from predicted corners, one panel per training stage: the generative LSTM of
 * B11, whose rectangles grow more consistent from 100 to 10,000 training examples.
 *
 * @param options the panels of shapes; see {@link RectanglesChartOptions}
 * @returns a Vega-Lite spec with a title, panel headers, x / y axes and a legend of the shapes
 * @throws ChartDataError when there are no panels, a panel has no shapes, or a corner is not a finite {x, y}
 * @example
 * const spec = rectanglesChart({
 *   panels: [{ title: '100 examples', shapes: [[{ x: 0, y: 0 }, { x: 0.5, y: 0.05 }, { x: 0.45, y: 0.3 }, { x: 0.02, y: 0.28 }]] }],
 * });
 * await writeChart(spec, 'rectangles.svg');
 */
export function rectanglesChart(options: RectanglesChartOptions): VegaLiteSpec {
  const { panels } = options;
  checkNonEmpty(panels, 'panels', 'pass [{ title, shapes: [[{x, y}, …]] }]');
  const closed = options.closed ?? true;
  const titles = panels.map((p, i) => {
    if (typeof p?.title !== 'string') {
      throw new ChartDataError(`expected panels[${i}].title to be a string, got ${describe(p?.title)}; name the panel, e.g. "100 examples"`);
    }
    return p.title;
  });
  if (new Set(titles).size !== titles.length) {
    throw new ChartDataError(`expected panel titles to be unique, got [${titles.join(', ')}]; each panel is keyed by its title`);
  }
  let maxShapes = 0;
  let lo = 0;
  let hi = 1;
  const rows = panels.flatMap((panel, p) => {
    checkNonEmpty(panel.shapes, `panels[${p}].shapes`, 'give at least one shape, a list of {x, y} corners');
    maxShapes = Math.max(maxShapes, panel.shapes.length);
    return panel.shapes.flatMap((corners, s) => {
      checkNonEmpty(corners, `panels[${p}].shapes[${s}]`, 'a shape is a list of {x, y} corners');
      const path = closed && corners.length > 2 ? [...corners, corners[0]] : [...corners];
      return path.map((pt, order) => {
        if (pt === null || typeof pt !== 'object' || !Number.isFinite(pt.x) || !Number.isFinite(pt.y)) {
          throw new ChartDataError(
            `expected panels[${p}].shapes[${s}][${order % corners.length}] to be a point {x, y} of finite numbers, got ${describe(pt)}; check the predicted corners`,
          );
        }
        lo = Math.min(lo, pt.x, pt.y);
        hi = Math.max(hi, pt.x, pt.y);
        return { panel: panel.title, shape: `shape ${s + 1}`, order, x: pt.x, y: pt.y };
      });
    });
  });
  const shapeNames = Array.from({ length: maxShapes }, (_, i) => `shape ${i + 1}`);
  // One domain for x and y in every panel, so a square looks square and stages compare at a glance.
  const domain = [lo, hi];
  const size = options.panelSize ?? 180;
  const color = { field: 'shape', type: 'nominal', title: 'shape', scale: { domain: shapeNames, range: paletteFor(maxShapes) } };
  const x = { field: 'x', type: 'quantitative', title: 'x', scale: { domain, nice: false } };
  const y = { field: 'y', type: 'quantitative', title: 'y', scale: { domain, nice: false } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? 'Generated shapes',
    data: { values: rows },
    columns: options.columns ?? Math.min(panels.length, 4),
    facet: { field: 'panel', type: 'nominal', title: null, sort: titles, header: { labelFontSize: 12 } },
    spec: {
      width: size,
      height: size,
      layer: [
        { mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color, order: { field: 'order', type: 'quantitative' } } },
        { mark: { type: 'point', filled: true, size: 30 }, encoding: { x, y, color } },
      ],
    },
  };
}
