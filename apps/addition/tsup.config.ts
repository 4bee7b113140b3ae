import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/addition.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/addition.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
