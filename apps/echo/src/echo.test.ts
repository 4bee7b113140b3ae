import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { run } from './echo';

describe('echo app (B6) at a reduced size', () => {
  it('learns to echo the value at index 2 and reports Keras parameter counts', async () => {
    const lines: string[] = [];
    const result = await run({ updates: 3000, log: (l) => lines.push(l) });
    expect(result.params).toBe(3860);
    expect(result.skill.name).toBe('accuracy');
    // 3,000 of the book's 10,000 updates: far above chance (10%), short of the full run's 100%.
    expect(result.skill.value).toBeGreaterThanOrEqual(0.5);
    expect(result.details).toHaveLength(3);
    expect(result.details?.[0]).toMatch(/^Sequence: \[\d, \d, \d, \d, \d\]  Expected: \d  Predicted: \d$/);
    const text = lines.join('\n');
    expect(text).toMatch(/Total params: 3,860/);
    expect(text).toMatch(/Accuracy: \d+\.\d% on 100 new sequences \(reference 100%\)/);
  });

  it('gives the same result for the same seed', async () => {
    const a = await run({ updates: 300, seed: 11, verbose: 0 });
    const before = tf.memory().numTensors;
    const b = await run({ updates: 300, seed: 11, verbose: 0 });
    expect(b.skill.value).toBe(a.skill.value);
    expect(b.details).toEqual(a.details);
    expect(tf.memory().numTensors).toBe(before);
  });
});
