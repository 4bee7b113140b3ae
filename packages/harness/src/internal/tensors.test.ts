import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { initBackend } from '@lstm-kit/backend';
import { batchRows } from './tensors';

afterAll(async () => {
  await initBackend({ prefer: 'cpu' });
});

describe.each(['wasm', 'cpu'] as const)('batchRows on %s', (prefer) => {
  it('gives the rows tf.slice gives, in storage of its own, without leaks', async () => {
    await initBackend({ prefer });
    expect(tf.getBackend()).toBe(prefer);
    const t = tf.tensor3d(Float32Array.from({ length: 5 * 3 * 2 }, (_, i) => i * 0.5 - 3), [5, 3, 2]);
    const before = tf.memory().numTensors;
    const rows = batchRows(t, 1, 3);
    const expected = tf.slice(t, 1, 3);
    expect(rows.shape).toEqual([3, 3, 2]);
    expect(Array.from(rows.dataSync())).toEqual(Array.from(expected.dataSync()));
    // Its storage is not the source's: disposing the source leaves the rows readable.
    t.dispose();
    expect(Array.from(rows.dataSync())).toEqual(Array.from(expected.dataSync()));
    tf.dispose([rows, expected]);
    expect(tf.memory().numTensors).toBe(before - 1);
  });

  it('falls back to tf.slice for int32 tensors', async () => {
    await initBackend({ prefer });
    const t = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2], 'int32');
    const rows = batchRows(t, 2, 1);
    expect(rows.dtype).toBe('int32');
    expect(Array.from(rows.dataSync())).toEqual([5, 6]);
    tf.dispose([t, rows]);
  });
});
