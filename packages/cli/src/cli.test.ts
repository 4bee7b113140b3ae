import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, main } from './cli';
import type { SystemResult } from './system-result';
import { runTour, tourTable } from './tour';

const fakeResult = (passed: boolean): SystemResult => ({
  id: 'echo',
  lesson: 'B6',
  title: 'Vanilla LSTM on the echo problem',
  architecture: 'LSTM(25) → Dense(10, softmax)',
  params: 3860,
  trainSeconds: 4.25,
  skill: { name: 'accuracy', value: passed ? 1 : 0.5, display: passed ? '100.0%' : '50.0%' },
  reference: '100%',
  threshold: '≥ 95%',
  passed,
  backend: 'cpu',
});

function capture() {
  const lines: string[] = [];
  return { lines, log: (l: string) => lines.push(l) };
}

describe('lstm-kit command', () => {
  it('prints usage and exits 2 without a command, 0 with --help', async () => {
    const a = capture();
    expect(await main([], { out: a.log, err: a.log })).toBe(EXIT.usage);
    expect(a.lines.join('\n')).toMatch(/Usage: lstm-kit <command>/);
    const b = capture();
    expect(await main(['tour', '--help'], { out: b.log, err: b.log })).toBe(EXIT.ok);
    expect(b.lines.join('\n')).toMatch(/--only a,b/);
  });

  it('rejects an unknown command, option, backend or system with exit code 2 and a reason', async () => {
    for (const [args, pattern] of [
      [['fly'], /unknown command 'fly'; expected one of: tour/],
      [['tour', '--fast'], /Unknown option '--fast'/],
      [['tour', '--backend', 'webgl'], /unknown backend 'webgl'; expected auto, tensorflow, wasm or cpu/],
      [['tour', '--only', 'ecoh', '--backend', 'cpu'], /unknown system 'ecoh'; expected one of: echo/],
    ] as const) {
      const c = capture();
      expect(await main([...args], { out: c.log, err: c.log })).toBe(EXIT.usage);
      expect(c.lines.join('\n')).toMatch(pattern);
    }
  });
});

describe('runTour', () => {
  it('runs the selected systems, prints the table and writes the summary', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lstm-kit-tour-'));
    try {
      const c = capture();
      const seen: unknown[] = [];
      const report = await runTour({
        backend: 'cpu',
        only: ['echo'],
        quick: true,
        outDir: out,
        log: c.log,
        load: async () => async (opts) => {
          seen.push(opts);
          return fakeResult(true);
        },
      });
      expect(report.allPassed).toBe(true);
      expect(seen).toEqual([expect.objectContaining({ quick: true, outDir: join(out, 'echo') })]);
      const text = c.lines.join('\n');
      expect(text).toMatch(/lstm-kit backend: cpu/);
      expect(text).toMatch(/echo\s+B6\s+LSTM\(25\) → Dense\(10, softmax\)\s+3,860\s+4\.3\s+5\.3\s+-\s+accuracy 100\.0%\s+100%\s+ok \(≥ 95%\)/);
      expect(text).toMatch(/All 1 systems reached their reference skill/);
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect(summary.rows[0].result.params).toBe(3860);
      expect(existsSync(join(out, `summary.json.${process.pid}.tmp`))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('prints a miss as a miss and an error as an error', async () => {
    const c = capture();
    const miss = await runTour({ backend: 'cpu', outDir: null, log: c.log, load: async () => async () => fakeResult(false) });
    expect(miss.allPassed).toBe(false);
    expect(miss.table.join('\n')).toMatch(/MISS \(needs ≥ 95%\)/);
    const failed = await runTour({
      backend: 'cpu',
      outDir: null,
      log: c.log,
      load: async () => async () => {
        throw new Error('out of memory');
      },
    });
    expect(failed.allPassed).toBe(false);
    expect(tourTable(failed.rows).join('\n')).toMatch(/ERROR: out of memory/);
  });
});

describe('tourTable', () => {
  it('cuts long cells in the terminal table and keeps the rest of the row aligned', () => {
    const long = { ...fakeResult(true), architecture: `TimeDistributed(Conv2D(2, 2×2, relu)) → ${'X'.repeat(200)}` };
    const [header, rule, row] = tourTable([{ entry: { id: 'moving-line', lesson: 'B8', module: 'm' }, result: long }]);
    expect(row).toMatch(/TimeDistributed\(Conv2D\(2, 2×2, relu\)\) → X+…/);
    expect(row).not.toMatch(/X{100}/);
    expect(row.indexOf('3,860')).toBe(header.indexOf('params') + 'params'.length - '3,860'.length);
    expect(rule.length).toBeLessThan(220);
  });
});
