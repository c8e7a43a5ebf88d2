import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Built into the jar's static/ folder: the gateway serves the console from its classpath, so the console and the
// API share one origin and the session cookie never leaves it. `npm run dev` proxies /api, /me and sign-in to a
// gateway on :8080 (the local stack's).
const gateway = 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  base: './',
  build: { outDir: 'target/classes/static', emptyOutDir: true, sourcemap: false },
  server: {
    proxy: Object.fromEntries(['/api', '/me', '/oauth2', '/login', '/logout'].map((path) => [path, gateway])),
  },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
