import { describe, expect, it } from 'vitest';
import { htmlReport } from './html-report';
import { renderHtmlReport } from './render-html-report';
import { renderSvg } from './render-svg';
import { learningCurves } from './learning-curves';
import { framesChart } from './frames-chart';
import { ChartDataError } from './errors';
import { scopeSvgIds, stripXmlProlog } from './internal/scope-svg-ids';
import { checkWellFormedXml } from './internal/testing/well-formed-xml';

const svgBlocks = (html: string): string[] => [...(html.match(/<svg[\s\S]*?<\/svg>/g) ?? [])];

describe('htmlReport', () => {
  it('lays out headed sections with escaped text paragraphs, inline SVG charts and tables', async () => {
    const svg = await renderSvg(learningCurves({ title: 'Good fit', history: { loss: [1, 0.5], val_loss: [1.1, 0.6] } }));
    const html = htmlReport({
      title: 'B12 <diagnosis>',
      sections: [
        { title: 'Good fit', text: 'LSTM(1), 800 epochs.\n\nTrain & validation <converge>.', charts: [svg] },
        { title: 'Grid', table: { columns: ['cells', 'mean loss'], rows: [[1, 0.20612345], [5, 0.0961], [10, null]] } },
        { title: 'Records', table: [{ batch: 1, mean: 0.00081234 }, { batch: 2, std: 'n/a' }] },
      ],
    });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<title>B12 &lt;diagnosis&gt;</title>');
    expect(html).toContain('<p>LSTM(1), 800 epochs.</p>\n<p>Train &amp; validation &lt;converge&gt;.</p>');
    expect(html).toContain('<tr><td class="number">1</td><td class="number">0.2061</td></tr>');
    expect(html).toContain('<tr><td class="number">10</td><td></td></tr>');
    expect(html).toContain('<tr><th>batch</th><th>mean</th><th>std</th></tr>');
    expect(html).toContain('<tr><td class="number">1</td><td class="number">0.0008123</td><td></td></tr>');
    const blocks = svgBlocks(html);
    expect(blocks).toHaveLength(1);
    expect(checkWellFormedXml(blocks[0]).texts).toEqual(expect.arrayContaining(['Good fit', 'loss', 'val_loss']));
  });

  it('loads nothing from the network: no scripts, no stylesheets, no remote URLs, a CSP that forbids fetching', async () => {
    const html = await renderHtmlReport({ title: 'r', sections: [{ title: 's', charts: [learningCurves({ history: { loss: [1, 2] } })] }] });
    expect(html).not.toMatch(/<script|<link|<iframe|@import/i);
    const urls = (html.match(/https?:\/\/[^\s"')]+/g) ?? []).filter((u) => !u.startsWith('http://www.w3.org/'));
    expect(urls).toEqual([]);
    expect(html).toContain(`content="default-src 'none'`);
  });

  it('gives each inlined chart its own ids, so legend gradients do not collide', async () => {
    const frames = framesChart({ frames: [[[0, 1]], [[1, 0]]] });
    const html = await renderHtmlReport({ title: 'r', sections: [{ title: 'two', charts: [frames, frames] }] });
    const [a, b] = svgBlocks(html);
    const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(a).length).toBeGreaterThan(0);
    expect(ids(a).every((id) => id.startsWith('c1-'))).toBe(true);
    expect(ids(b).every((id) => id.startsWith('c2-'))).toBe(true);
    expect(b).toContain(`url(#${ids(b)[0]})`);
  });

  it('scopes ids and references and drops an XML prolog', () => {
    const svg = stripXmlProlog('<?xml version="1.0"?>\n<svg><defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use xlink:href="#g"/></svg>');
    expect(scopeSvgIds(svg, 'p-')).toBe('<svg><defs><linearGradient id="p-g"/></defs><rect fill="url(#p-g)"/><use xlink:href="#p-g"/></svg>');
  });

  it('says to use renderHtmlReport for specs, and rejects what is not SVG', () => {
    const spec = learningCurves({ history: { loss: [1] } });
    expect(() => htmlReport({ title: 'r', sections: [{ title: 's', charts: [spec] }] })).toThrow(/sections\[0\]\.charts\[0\].*renderHtmlReport/);
    expect(() => htmlReport({ title: 'r', sections: [{ title: 's', charts: ['<div>'] }] })).toThrow(ChartDataError);
    expect(() => htmlReport({ title: 'r', sections: [{ title: 's', table: { columns: ['a'], rows: [[1, 2]] } }] })).toThrow(/at most 1 cells/);
    expect(() => htmlReport({ title: 'r' } as never)).toThrow(/\{ title, sections/);
  });
});
