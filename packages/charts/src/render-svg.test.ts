import { describe, expect, it } from 'vitest';
import { renderSvg } from './render-svg';
import { ChartDataError, RenderError } from './errors';
import { sampleCharts } from './internal/testing/sample-charts';
import { checkWellFormedXml } from './internal/testing/well-formed-xml';

describe('renderSvg', () => {
  for (const [name, { spec, texts }] of Object.entries(sampleCharts())) {
    it(`renders ${name} to well-formed SVG with its title, axis titles and legend labels`, async () => {
      const svg = await renderSvg(spec);
      expect(svg.startsWith('<svg')).toBe(true);
      const xml = checkWellFormedXml(svg);
      expect(xml.root).toBe('svg');
      expect(xml.elements).toBeGreaterThan(30);
      for (const text of texts) expect(xml.texts, `text "${text}" in ${name}`).toContain(text);
    });
  }

  it('renders a plain Vega spec as is', async () => {
    const svg = await renderSvg({
      $schema: 'https://vega.github.io/schema/vega/v6.json',
      width: 50,
      height: 20,
      marks: [{ type: 'text', encode: { enter: { text: { value: 'plain vega' } } } }],
    });
    expect(checkWellFormedXml(svg).texts).toEqual(['plain vega']);
  });

  it('reports specs vega-lite or vega cannot use', async () => {
    await expect(renderSvg(null as unknown as Record<string, unknown>)).rejects.toThrow(ChartDataError);
    await expect(renderSvg({ mark: 'nonsense' })).rejects.toThrow(RenderError);
    await expect(renderSvg({ mark: 'nonsense' })).rejects.toThrow(/vega-lite could not compile it/);
  });
});
