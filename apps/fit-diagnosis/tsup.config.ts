import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/fit-diagnosis.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/fit-diagnosis.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
