import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { initBackend, memoryKind, readFloat32 } from './index';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(['wasm', 'cpu'] as const)('readFloat32 on %s', (prefer) => {
  it('reads the values in place for float32 and as a float32 copy otherwise', async () => {
    await initBackend({ prefer });
    expect(memoryKind()).toBe(prefer);
    const t = tf.tensor([1.5, -2, 3], [3], 'float32');
    const view = readFloat32(t);
    expect(Array.from(view)).toEqual([1.5, -2, 3]);
    // No copy: the same storage on a second read.
    expect(readFloat32(t).buffer).toBe(view.buffer);
    const ints = tf.tensor([4, 5], [2], 'int32');
    const copy = readFloat32(ints);
    expect(copy).toBeInstanceOf(Float32Array);
    expect(Array.from(copy)).toEqual([4, 5]);
    tf.dispose([t, ints]);
  });
});
