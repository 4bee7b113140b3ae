import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/pm25-forecast.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/pm25-forecast.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
  // import.meta.url locates data/ from the CJS build too.
  shims: true,
});
