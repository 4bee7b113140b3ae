import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/save-load.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/save-load.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
