import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Built into the jar's static/ folder: the gateway serves the console from its classpath, so the console and the
// API share one origin and the session cookie never leaves it.

export default defineConfig({
  plugins: [react()],
  base: './',
  build: { outDir: 'target/classes/static', emptyOutDir: true, sourcemap: false },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
