import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeHtmlReport } from './write-html-report';
import { sampleCharts } from './internal/testing/sample-charts';
import { findChromium, screenshot } from './internal/testing/chromium';
import { decodePng, pixelStats } from './internal/testing/decode-png';

// End to end: the report opens in Debian's headless Chromium and every chart is drawn. CI
// installs chromium; a missing browser fails the test unless LSTM_KIT_SKIP_BROWSER=1 says to
// skip it on purpose.
const skip = process.env.LSTM_KIT_SKIP_BROWSER === '1';
if (skip) {
  console.warn('html-report-chromium: skipped because LSTM_KIT_SKIP_BROWSER=1; unset it (and apt-get install chromium) to check the report in a browser');
}

describe.skipIf(skip)('HTML report in headless Chromium', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'charts-chromium-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('shows every chart: the screenshot is far from blank in every chart band', async () => {
    const chromium = findChromium();
    expect(chromium, 'Chromium not found: apt-get install -y chromium (or set CHROMIUM_BIN), or set LSTM_KIT_SKIP_BROWSER=1 to skip').toBeTruthy();

    const charts = sampleCharts();
    // One chart per row at a fixed width, so the screenshot's bands map to the charts in order.
    const names = ['learningCurves', 'boxPlot', 'framesChart', 'rectanglesChart', 'lossComparison'] as const;
    const html = join(dir, 'report.html');
    await writeHtmlReport(html, {
      title: 'lstm-kit charts',
      sections: names.map((name) => ({ title: name, charts: [charts[name].spec] })),
    });
    const shot = join(dir, 'shot.png');
    const width = 1200;
    const height = 2400;
    await screenshot(chromium!, pathToFileURL(html).href, shot, join(dir, 'profile'), { width, height }, 30_000);

    // Set LSTM_KIT_SCREENSHOT_OUT=/some/file.png to keep the screenshot and look at it.
    if (process.env.LSTM_KIT_SCREENSHOT_OUT) await copyFile(shot, process.env.LSTM_KIT_SCREENSHOT_OUT);
    const image = decodePng(await readFile(shot));
    expect([image.width, image.height]).toEqual([width, height]);
    const whole = pixelStats(image);
    expect(whole.luminanceVariance).toBeGreaterThan(200);
    expect(whole.nonBackground / whole.total).toBeGreaterThan(0.02);
    // Each of five horizontal bands of the page that charts occupy holds drawing, so the last
    // charts rendered too, not only the first.
    const contentRows: number[] = [];
    for (let y = 0; y < height; y++) if (pixelStats(image, { y0: y, y1: y + 1 }).nonBackground > 0) contentRows.push(y);
    const bottom = contentRows[contentRows.length - 1];
    expect(bottom).toBeGreaterThan(1500);
    const band = bottom / names.length;
    for (let k = 0; k < names.length; k++) {
      const stats = pixelStats(image, { y0: Math.floor(k * band), y1: Math.floor((k + 1) * band) });
      expect(stats.nonBackground, `band ${k} (${names[k]})`).toBeGreaterThan(2000);
    }
  }, 60_000);
});
