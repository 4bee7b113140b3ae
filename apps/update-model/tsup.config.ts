import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/update-model.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/update-model.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
