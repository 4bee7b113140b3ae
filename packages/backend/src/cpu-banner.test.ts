import * as tf from '@tensorflow/tfjs';
import { expect, it, vi } from 'vitest';
import { initBackend } from './index';

// A file of its own: the banner shows once per process, on the cpu backend's first tensor.
it("keeps tfjs's 'install tfjs-node' banner from repeating what initBackend reported", async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    await initBackend({ prefer: 'cpu' });
    tf.tensor1d([1, 2, 3]).dispose();
    const banners = warn.mock.calls.filter((args) => /looks like you are running TensorFlow\.js in Node/.test(args.join(' ')));
    expect(banners).toEqual([]);
  } finally {
    warn.mockRestore();
  }
});
