/**
 * Lay out rows as a plain-text table with a header rule, columns padded to their widest cell.
 *
 * @param header the column titles
 * @param rows the cells, one array per row, each as long as the header
 * @param align `'l'` or `'r'` per column (default left)
 * @returns the table as lines of text
 * @example
 * formatTable(['system', 'skill'], [['echo', '100.0%']]).join('\n');
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (align[i] === 'r' ? (c ?? '').padStart(widths[i]) : (c ?? '').padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}
