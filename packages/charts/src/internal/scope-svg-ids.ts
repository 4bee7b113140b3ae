/**
 * Prefix every id an SVG defines, and every reference to one, with `prefix`.
 * Why: vega numbers its gradients and clip paths per render (`gradient_0`, `clip1`), so two
 * charts inlined into one HTML page would define the same ids and the second would borrow the
 * first one's legend gradient or clipping.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}${id})`)
    .replace(/(\s(?:xlink:)?href)="#([^"]+)"/g, (_, attr: string, id: string) => `${attr}="#${prefix}${id}"`);
}

/** The SVG element alone: an XML declaration or doctype before it is not allowed inside HTML. */
export function stripXmlProlog(svg: string): string {
  return svg.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?/i, '');
}
