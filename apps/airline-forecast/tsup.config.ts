import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/airline-forecast.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/airline-forecast.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
  // import.meta.url locates data/ from the CJS build too.
  shims: true,
});
