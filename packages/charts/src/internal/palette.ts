// The matplotlib / Tableau 10 colours: the course's figures were drawn with matplotlib, where
// the first line is blue and the second orange, so train vs validation reads the same here.
export const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
] as const;

export const TRAIN_COLOR = PALETTE[0];
export const VALIDATION_COLOR = PALETTE[1];

/** The palette repeated to cover `n` series, so a colour scale range is never shorter than its domain. */
export function paletteFor(n: number): string[] {
  return Array.from({ length: n }, (_, i) => PALETTE[i % PALETTE.length]);
}
