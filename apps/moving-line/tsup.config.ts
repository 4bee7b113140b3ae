import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/moving-line.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/moving-line.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
