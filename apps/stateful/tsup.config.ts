import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/stateful.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/stateful.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
