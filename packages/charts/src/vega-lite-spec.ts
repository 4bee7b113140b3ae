/**
 * A Vega-Lite specification as a plain JSON-compatible object: what every chart function of
 * this package returns and what the renderers take. It is deliberately loose (not vega-lite's
 * own `TopLevelSpec`) so callers need no vega-lite types; extend or edit it like any object
 * (for example `{ ...spec, width: 800 }`) before rendering.
 */
export type VegaLiteSpec = Record<string, unknown>;

/** The Vega-Lite schema URL the specs of this package declare (vega-lite 6). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
