import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/cumulative-sum.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/cumulative-sum.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
