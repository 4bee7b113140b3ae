import { describe, expect, it } from 'vitest';
import { decodePng, pixelStats } from './decode-png';
import { loadResvg } from '../load-vega';

describe('decodePng (test support)', () => {
  it('decodes resvg PNGs to exactly the pixels resvg drew', async () => {
    const { Resvg } = await loadResvg();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="37" height="23"><rect width="37" height="23" fill="#fff"/><circle cx="12" cy="11" r="9" fill="#1f77b4"/><path d="M0 22 L36 0" stroke="#ff7f0e" stroke-width="3"/></svg>';
    const rendered = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
    const decoded = decodePng(rendered.asPng());
    expect([decoded.width, decoded.height]).toEqual([37, 23]);
    expect(Buffer.from(decoded.pixels).equals(rendered.pixels)).toBe(true);
    const stats = pixelStats(decoded);
    expect(stats.total).toBe(37 * 23);
    expect(stats.nonBackground).toBeGreaterThan(200);
    expect(stats.luminanceVariance).toBeGreaterThan(100);
  });

  it('refuses bytes that are not a PNG or are corrupted', async () => {
    expect(() => decodePng(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(/not a PNG/);
    const { Resvg } = await loadResvg();
    const png = new Uint8Array(new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>').render().asPng());
    png[20] ^= 0xff; // inside IHDR
    expect(() => decodePng(png)).toThrow(/bad CRC in chunk IHDR/);
  });
});
