import { describe, expect, it } from 'vitest';
import { renderPng } from './render-png';
import { renderSvg } from './render-svg';
import { ChartDataError, RenderError } from './errors';
import { boxPlot } from './box-plot';
import { sampleCharts } from './internal/testing/sample-charts';
import { PNG_SIGNATURE, decodePng, pixelStats } from './internal/testing/decode-png';
import { checkFontDrawsText, inkedPixels } from './internal/svg-to-png';

const svgSize = (svg: string) => {
  const m = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg)!;
  return [Number(m[1]), Number(m[2])];
};

describe('renderPng', () => {
  const { learningCurves: curves, boxPlot: box } = sampleCharts();

  it('writes a valid PNG the size of the SVG with the chart drawn on white', async () => {
    const png = await renderPng(curves.spec);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual(svgSize(await renderSvg(curves.spec)));
    const stats = pixelStats(image);
    expect(stats.nonBackground / stats.total).toBeGreaterThan(0.03);
    expect(stats.luminanceVariance).toBeGreaterThan(100);
    expect([...image.pixels.subarray(0, 4)]).toEqual([255, 255, 255, 255]); // top-left corner is background
  });

  it('scales the raster with scale', async () => {
    const one = decodePng(await renderPng(box.spec));
    const two = decodePng(await renderPng(box.spec, { scale: 2 }));
    expect([two.width, two.height]).toEqual([one.width * 2, one.height * 2]);
    await expect(renderPng(box.spec, { scale: 0 })).rejects.toThrow(ChartDataError);
  });

  it('draws text: a title-only chart inks pixels, and a longer title inks more', async () => {
    // No axes, marks or legend: everything inked is the title's glyphs.
    const titleOnly = (title: string) => ({ title, data: { values: [] }, mark: 'point', config: { view: { stroke: null } } });
    const short = pixelStats(decodePng(await renderPng(titleOnly('Loss'))));
    const long = pixelStats(decodePng(await renderPng(titleOnly('Loss per epoch, train vs validation'))));
    expect(short.nonBackground).toBeGreaterThan(20);
    expect(long.nonBackground).toBeGreaterThan(short.nonBackground * 3);
  });

  it('finds a font on this system and refuses to render text-less PNGs when there is none', async () => {
    expect(await inkedPixels('DejaVu Sans', [])).toBeGreaterThan(20);
    expect(await inkedPixels('DejaVu Sans', [], false)).toBe(0);
    await expect(checkFontDrawsText('DejaVu Sans', [], false)).rejects.toThrow(RenderError);
    await expect(checkFontDrawsText('DejaVu Sans', [], false)).rejects.toThrow(/fonts-dejavu-core/);
  });

  it('keeps alpha with a transparent background', async () => {
    const image = decodePng(await renderPng(boxPlot({ groups: [{ name: 'a', values: [1, 2, 3] }], yTitle: 'loss' }), { background: 'transparent' }));
    expect(image.pixels[3]).toBe(0);
  });
});
