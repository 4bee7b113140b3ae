import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/one-to-one.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/one-to-one.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
