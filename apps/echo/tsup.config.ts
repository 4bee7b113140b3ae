import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/echo.ts', 'src/main.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/echo.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
