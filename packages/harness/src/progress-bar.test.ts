import { describe, expect, it } from 'vitest';
import { ProgressBar, formatDuration, formatLogs } from './progress-bar';
import { collector } from './internal/test-models';

describe('progress bar', () => {
  it('formats figures and durations like Keras', () => {
    expect(formatLogs({ loss: 0.12345, acc: 1 })).toBe(' - loss: 0.1235 - acc: 1.0000');
    expect(formatLogs({ loss: 0.00001234 })).toBe(' - loss: 1.2340e-5');
    expect(formatDuration(45.2)).toBe('45ms');
    expect(formatDuration(3_200)).toBe('3s');
    expect(formatDuration(125_000)).toBe('2:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('draws the bar with an ETA, throttles redraws, and finishes with time per step', () => {
    let now = 0;
    const out = collector(true);
    const bar = new ProgressBar({ total: 10, output: out, width: 10, intervalMs: 100, now: () => now });
    let reads = 0;
    now = 200;
    expect(bar.update(4, () => (reads++, { loss: 0.5 }))).toBe(true);
    now = 250;
    expect(bar.update(5, () => (reads++, { loss: 0.4 }))).toBe(false); // within 100 ms: not drawn, not read
    expect(reads).toBe(1);
    expect(out.text()).toBe('\r 4/10 [===>......] - ETA: 300ms - loss: 0.5000\x1b[K');
    now = 500;
    bar.finish({ loss: 0.25 });
    expect(out.text().endsWith('\r10/10 [==========] - 500ms 50ms/step - loss: 0.2500\x1b[K\n')).toBe(true);
  });
});
