import { describe, expect, it } from 'vitest';
import { framesChart } from './frames-chart';
import { renderSvg } from './render-svg';
import { movingLineSample } from './internal/testing/sample-charts';
import { checkWellFormedXml } from './internal/testing/well-formed-xml';

type Row = { kind: string; frame: number; col: number; row: number; value?: number };
const rows = (spec: Record<string, unknown>) => (spec.data as { values: Row[] }).values;

describe('framesChart', () => {
  it('draws one white frame per time step and one black rect per marked pixel', () => {
    const sample = movingLineSample(6);
    const ones = sample.data.reduce((n, v) => n + v, 0);
    const spec = framesChart({ frames: sample }) as Record<string, any>;
    expect(rows(spec).filter((r) => r.kind === 'frame').map((r) => r.frame)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows(spec).filter((r) => r.kind === 'pixel')).toHaveLength(ones);
    expect(ones).toBe(21); // 1 + 2 + … + 6: frame t shows the line's first t columns
    expect(spec.columns).toBe(6);
    expect(spec.spec.layer[1].encoding.color.scale).toEqual({ domain: [0, 1], range: ['#ffffff', '#000000'] });
    expect(spec.spec.layer[0].encoding.y.scale.reverse).toBe(true);
  });

  it('reads [T, H, W], [T, H, W, 1] and nested arrays the same way', () => {
    const nested = [
      [[0, 1], [0, 0]],
      [[0, 1], [1, 0]],
    ];
    const flat = { shape: [2, 2, 2, 1], data: new Float32Array([0, 1, 0, 0, 0, 1, 1, 0]) };
    const pixels = (spec: Record<string, unknown>) => rows(spec).filter((r) => r.kind === 'pixel');
    expect(pixels(framesChart({ frames: nested }))).toEqual(pixels(framesChart({ frames: flat })));
    expect(pixels(framesChart({ frames: nested })).map((r) => [r.frame, r.row, r.col])).toEqual([[1, 0, 1], [2, 0, 1], [2, 1, 0]]);
    expect(pixels(framesChart({ frames: { shape: [2, 2, 2], data: [0, 1, 0, 0, 0, 1, 1, 0] } }))).toHaveLength(3);
  });

  it('says which dimension disagrees', () => {
    expect(() => framesChart({ frames: { shape: [2, 4, 4, 4, 1], data: new Float32Array(128) } })).toThrow(/dimension 0 is 2, expected 1: slice one sample/);
    expect(() => framesChart({ frames: { shape: [4, 4, 4, 3], data: new Float32Array(192) } })).toThrow(/dimension 3 is 3, expected 1 channel/);
    expect(() => framesChart({ frames: { shape: [2, 2, 2], data: new Float32Array(7) } })).toThrow(/expected 8 values .* got 7/);
    expect(() => framesChart({ frames: [[[0, 1]], [[0]]] })).toThrow(/frame 1 row 0 to hold 2 numbers/);
    expect(() => framesChart({ frames: { shape: [1, 1, 1], data: [Number.NaN] } })).toThrow(/finite pixel values/);
  });

  it('renders every frame header and a 50-frame 50×50 line into a modest SVG', async () => {
    const small = checkWellFormedXml(await renderSvg(framesChart({ frames: movingLineSample(4), title: 'Moving line' })));
    for (const t of ['Moving line', '1', '2', '3', '4', 'pixel value', 'row', 'column']) expect(small.texts).toContain(t);
    const big = await renderSvg(framesChart({ frames: movingLineSample(50) }));
    checkWellFormedXml(big);
    expect(big.length).toBeLessThan(2_000_000);
  });
});
