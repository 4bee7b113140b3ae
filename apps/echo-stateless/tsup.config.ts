import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/echo-stateless.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/echo-stateless.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
