/**
 * Raised when the data given to a chart function cannot be drawn: an empty series, a value
 * that is not a number, frames of the wrong rank, an unknown file extension. The message says
 * what was received, what was expected and how to fix it.
 *
 * @example
 * try { learningCurves({ series: [] }); } catch (e) { if (e instanceof ChartDataError) console.error(e.message); }
 */
export class ChartDataError extends Error {
  override readonly name = 'ChartDataError';
}

/**
 * Raised when a chart specification cannot be rendered: vega rejects the spec, no font is
 * available for PNG text, or the output file cannot be written. The message says what failed
 * and how to fix it; `cause` holds the underlying error when there is one.
 *
 * @example
 * try { await renderPng(spec); } catch (e) { if (e instanceof RenderError) console.error(e.message); }
 */
export class RenderError extends Error {
  override readonly name = 'RenderError';
}
