import { describe, expect, it } from 'vitest';
import { EvaluationError } from './errors';
import { formatGridTable, gridSearch } from './grid-search';

// Scores built so every mean is known by hand: score = cells-part + batch-part + repeat offset.
const cellsPart: Record<number, number> = { 1: 0.2, 5: 0.1, 10: 0.03 };
const batchPart: Record<number, number> = { 1: 0.001, 2: 0.002, 3: 0.006 };
const offsets = [-0.01, 0, 0.01];

describe('gridSearch', () => {
  it('runs every configuration over the same seeds and tabulates rows, marginals and the best', async () => {
    const calls: string[] = [];
    const grid = await gridSearch(
      { cells: [1, 5, 10], batchSize: [1, 2, 3] },
      async (config, ctx) => {
        calls.push(`${config.cells}/${config.batchSize}/${ctx.seed}`);
        return cellsPart[config.cells as number] + batchPart[config.batchSize as number] + offsets[ctx.repeat];
      },
      { seeds: [100, 200, 300] },
    );
    expect(calls.slice(0, 4)).toEqual(['1/1/100', '1/1/200', '1/1/300', '1/2/100']);
    expect(grid.rows.map((r) => r.label)).toEqual([
      'cells=1, batchSize=1', 'cells=1, batchSize=2', 'cells=1, batchSize=3',
      'cells=5, batchSize=1', 'cells=5, batchSize=2', 'cells=5, batchSize=3',
      'cells=10, batchSize=1', 'cells=10, batchSize=2', 'cells=10, batchSize=3',
    ]);
    expect(grid.rows[0].summary.mean).toBeCloseTo(0.201, 12);
    expect(grid.rows[0].summary.std).toBeCloseTo(0.01, 12);
    expect(grid.rows[0].scores).toHaveLength(3);
    expect(grid.byValue.cells.map((m) => m.label)).toEqual(['1', '5', '10']);
    expect(grid.byValue.cells[0].mean).toBeCloseTo(0.2 + 0.003, 12);
    expect(grid.byValue.cells[2].mean).toBeCloseTo(0.03 + 0.003, 12);
    expect(grid.byValue.batchSize[2].mean).toBeCloseTo(0.11 + 0.006, 12);
    expect(grid.byValue.batchSize[0].summary.count).toBe(9);
    expect(grid.best.config).toEqual({ cells: 10, batchSize: 1 });
    expect(grid.seeds).toEqual([100, 200, 300]);
  });

  it("picks the highest mean with mode 'max' and reports each run", async () => {
    const seen: string[] = [];
    const grid = await gridSearch({ units: [2, 4] }, (c) => c.units as number, {
      repeats: 2,
      mode: 'max',
      onResult: ({ label, run }) => seen.push(`${label}:${run.score}`),
    });
    expect(grid.best.config).toEqual({ units: 4 });
    expect(seen).toEqual(['units=2:2', 'units=2:2', 'units=4:4', 'units=4:4']);
  });

  it('prints a table per configuration and per value', async () => {
    const grid = await gridSearch({ cells: [1, 10], optimizer: ['adam', 'sgd'] }, (c) => (c.cells === 1 ? 0.2 : 0.05) + (c.optimizer === 'sgd' ? 0.1 : 0), {
      repeats: 2,
    });
    const text = formatGridTable(grid, { digits: 3 });
    const lines = text.split('\n');
    expect(lines[0]).toBe('config                    count   mean    std    min    50%    max');
    expect(lines[1]).toBe('cells=1, optimizer=adam       2  0.200  0.000  0.200  0.200  0.200');
    expect(text).toContain('mean score by cells (lower is better):\n  1   0.250  (n=4)\n  10  0.100  (n=4)');
    expect(text).toContain('mean score by optimizer (lower is better):\n  adam  0.125  (n=4)\n  sgd   0.225  (n=4)');
    expect(lines[lines.length - 1]).toBe('best: cells=10, optimizer=adam (mean 0.050, std 0.000)');
  });

  it('merges fixed settings into every trial config without making them grid dimensions', async () => {
    const seen: Record<string, unknown>[] = [];
    const labels: string[] = [];
    const grid = await gridSearch(
      { cells: [1, 10], optimizer: ['adam', 'sgd'] },
      (config) => {
        seen.push(config);
        return (config.cells === 1 ? 0.2 : 0.05) + (config.optimizer === 'sgd' ? 0.1 : 0);
      },
      { repeats: 2, fixed: { epochs: 500, data: { samples: 5 } }, onResult: ({ config, label }) => labels.push(`${label} ${JSON.stringify(config)}`) },
    );
    expect(seen).toHaveLength(8);
    expect(seen[0]).toEqual({ cells: 1, optimizer: 'adam', epochs: 500, data: { samples: 5 } });
    expect(seen[7]).toEqual({ cells: 10, optimizer: 'sgd', epochs: 500, data: { samples: 5 } });
    expect(grid.keys).toEqual(['cells', 'optimizer']);
    expect(Object.keys(grid.byValue)).toEqual(['cells', 'optimizer']);
    expect(grid.rows.map((r) => r.label)).toEqual(['cells=1, optimizer=adam', 'cells=1, optimizer=sgd', 'cells=10, optimizer=adam', 'cells=10, optimizer=sgd']);
    expect(grid.rows[0].config).toEqual({ cells: 1, optimizer: 'adam' });
    expect(grid.best.config).toEqual({ cells: 10, optimizer: 'adam' });
    expect(labels[0]).toBe('cells=1, optimizer=adam {"cells":1,"optimizer":"adam"}');
    expect(grid.fixed).toEqual({ epochs: 500, data: { samples: 5 } });
    const text = formatGridTable(grid, { digits: 3 });
    expect(text.split('\n').slice(0, 3)).toEqual([
      'fixed: epochs=500, data={"samples":5}',
      '',
      'config                    count   mean    std    min    50%    max',
    ]);
    expect(text).not.toMatch(/by epochs|by data/);
    // Without fixed, the table starts with its header and the result says so.
    const plain = await gridSearch({ units: [2] }, () => 1, { repeats: 1 });
    expect(plain.fixed).toEqual({});
    expect(formatGridTable(plain).split('\n')[0]).toMatch(/^config /);
  });

  it('rejects a key both in the space and in fixed, naming it, and fixed that is not an object', async () => {
    const trial = () => 1;
    const clash = await gridSearch({ cells: [1, 5], epochs: [100] }, trial, { repeats: 1, fixed: { epochs: 500, batchSize: 5 } }).catch((e) => e);
    expect(clash).toBeInstanceOf(EvaluationError);
    expect(clash.message).toMatch(/^option 'epochs' is both in the search space and in fixed;/);
    await expect(gridSearch({ cells: [1], epochs: [1] }, trial, { repeats: 1, fixed: { cells: 1, epochs: 1 } })).rejects.toThrow(
      /options 'cells', 'epochs' are both in the search space and in fixed/,
    );
    await expect(gridSearch({ cells: [1] }, trial, { repeats: 1, fixed: [500] as never })).rejects.toThrow(/expected fixed as an object/);
    await expect(gridSearch({ cells: [1] }, trial, { repeats: 1, fixed: null as never })).rejects.toThrow(/expected fixed as an object/);
  });

  it('rejects an empty space or an option without values', async () => {
    await expect(gridSearch({}, () => 1, { repeats: 1 })).rejects.toThrow(EvaluationError);
    await expect(gridSearch({ cells: [] }, () => 1, { repeats: 1 })).rejects.toThrow(/option 'cells'/);
    await expect(gridSearch({ cells: [1] }, () => 1, { repeats: 1, mode: 'best' as never })).rejects.toThrow(/'min' or 'max'/);
  });
});
