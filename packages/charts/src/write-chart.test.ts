import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeChart } from './write-chart';
import { seriesChart } from './series-chart';
import { ChartDataError, RenderError } from './errors';
import { PNG_SIGNATURE } from './internal/testing/decode-png';
import { checkWellFormedXml } from './internal/testing/well-formed-xml';

describe('writeChart', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'charts-write-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const spec = seriesChart({ title: 'Forecast vs truth', series: [{ name: 'truth', values: [1, 2, 3] }, { name: 'forecast', values: [1, 2.5, 2.8] }] });

  it('picks the format from the extension and creates missing folders', async () => {
    await writeChart(spec, join(dir, 'a', 'chart.svg'));
    await writeChart(spec, join(dir, 'a', 'chart.PNG'));
    await writeChart(spec, join(dir, 'a', 'chart.html'));
    const svg = await readFile(join(dir, 'a', 'chart.svg'), 'utf8');
    expect(checkWellFormedXml(svg).texts).toEqual(expect.arrayContaining(['Forecast vs truth', 'truth', 'forecast']));
    expect([...(await readFile(join(dir, 'a', 'chart.PNG'))).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const html = await readFile(join(dir, 'a', 'chart.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Forecast vs truth</title>');
    expect(html).toContain('<svg');
    // Only the three outputs: the temporary files were renamed away.
    expect((await readdir(join(dir, 'a'))).sort()).toEqual(['chart.PNG', 'chart.html', 'chart.svg']);
  });

  it('replaces an existing file', async () => {
    const path = join(dir, 'replace.svg');
    await writeChart(spec, path);
    await writeChart({ ...spec, title: 'Second version' }, path);
    expect(await readFile(path, 'utf8')).toContain('Second version');
  });

  it('refuses unknown extensions and unwritable places', async () => {
    await expect(writeChart(spec, join(dir, 'chart.jpg'))).rejects.toThrow(ChartDataError);
    await expect(writeChart(spec, join(dir, 'chart'))).rejects.toThrow(/\.svg, \.png or \.html.*no extension/);
    await writeChart(spec, join(dir, 'file.svg'));
    await expect(writeChart(spec, join(dir, 'file.svg', 'inside.svg'))).rejects.toThrow(RenderError);
  });
});
