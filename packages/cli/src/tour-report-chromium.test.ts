import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { SystemRunOptions } from './system-result';
import { runTour } from './tour';
// The browser helpers of the charts package's own end-to-end test (Debian Chromium, PNG decoding).
import { findChromium, screenshot } from '../../charts/src/internal/testing/chromium';
import { decodePng, pixelStats } from '../../charts/src/internal/testing/decode-png';

const skip = process.env.LSTM_KIT_SKIP_BROWSER === '1';
if (skip) console.warn('tour report screenshot: skipped because LSTM_KIT_SKIP_BROWSER=1 (unset it and apt-get install chromium to run it)');

describe.skipIf(skip)('tour report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lstm-kit-tour-e2e-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a real system, writes its chart and an HTML report that Chromium draws', async () => {
    const chromium = findChromium();
    expect(chromium, 'Chromium not found: apt-get install -y chromium, or set LSTM_KIT_SKIP_BROWSER=1 to skip').toBeTruthy();
    const lines: string[] = [];
    const report = await runTour({
      backend: 'cpu',
      only: ['echo'],
      outDir: dir,
      log: (l) => lines.push(l),
      // The real echo app at a tiny size: the point here is the report, not the skill.
      load: async () => {
        const { run } = await import('@lstm-kit-apps/echo');
        return (opts?: SystemRunOptions) => run({ ...opts, updates: 200 });
      },
    });
    expect(report.rows[0].error).toBeUndefined();
    expect(report.rows[0].result?.params).toBe(3860);
    const chart = join(dir, 'echo', 'learning-curve.svg');
    expect(existsSync(chart)).toBe(true);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toMatch(/LSTM\(25\) → Dense\(10, softmax\)/);
    expect(html).toMatch(/<svg/);
    // The system trained on the backend the tour started, not one of its own choosing.
    expect(report.rows[0].result?.backend).toBe('cpu');
    expect(lines.join('\n')).toMatch(/Report written to .*index\.html/);

    const shot = join(dir, 'shot.png');
    await screenshot(chromium!, pathToFileURL(join(dir, 'index.html')).href, shot, join(dir, 'profile'), { width: 1200, height: 1600 }, 30_000);
    // Set LSTM_KIT_SCREENSHOT_OUT=/some/file.png to keep the screenshot and look at it.
    if (process.env.LSTM_KIT_SCREENSHOT_OUT) copyFileSync(shot, process.env.LSTM_KIT_SCREENSHOT_OUT);
    const image = decodePng(readFileSync(shot));
    const stats = pixelStats(image);
    expect(stats.luminanceVariance).toBeGreaterThan(200);
    // The chart sits below the summary table and the echo section's text: the lower half of
    // the page must hold drawing too, not only the table at the top.
    const lower = pixelStats(image, { y0: 700, y1: 1600 });
    expect(lower.nonBackground).toBeGreaterThan(2000);
  }, 120_000);
});
