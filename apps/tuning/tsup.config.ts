import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/tuning.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/tuning.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
