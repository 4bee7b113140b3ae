import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/rectangles.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/rectangles.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
