import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/damped-sine.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/damped-sine.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
