import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/two-features.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/two-features.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
