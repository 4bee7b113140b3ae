import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/rnn-vs-lstm.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/rnn-vs-lstm.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
