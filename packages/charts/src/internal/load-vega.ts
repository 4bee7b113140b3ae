// vega and vega-lite ship as ES modules only, and the resvg binding is a native module: all
// three are loaded on first render with a dynamic import(), which works from both the ESM and
// the CJS build of this package, and spares users who only build specs the load time.
type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');
type ResvgModule = typeof import('@resvg/resvg-js');

let vegaPromise: Promise<{ vega: Vega; vegaLite: VegaLite }> | undefined;
let resvgPromise: Promise<ResvgModule> | undefined;

/** vega and vega-lite, imported once per process. */
export function loadVega(): Promise<{ vega: Vega; vegaLite: VegaLite }> {
  vegaPromise ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({ vega, vegaLite }));
  return vegaPromise;
}

/** The resvg binding, imported once per process. */
export function loadResvg(): Promise<ResvgModule> {
  resvgPromise ??= import('@resvg/resvg-js').then((m) =>
    // A CommonJS module imported from ESM may arrive as its namespace or under `default`.
    ('renderAsync' in m ? m : (m as unknown as { default: ResvgModule }).default),
  );
  return resvgPromise;
}
