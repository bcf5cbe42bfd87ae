import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const journeyLibrary = fileURLToPath(new URL('../../libs/journey/src', import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  // Vite's built-in oxc transform: automatic JSX runtime for the app, legacy decorators (with
  // metadata) for the class-validator DTOs of @engine/journey, which the canvas validates with.
  oxc: {
    jsx: { runtime: 'automatic' },
    decorator: { legacy: true, emitDecoratorMetadata: true },
  },
  resolve: {
    alias: [{ find: /^@engine\/journey$/, replacement: `${journeyLibrary}/index.ts` }],
  },
  server: {
    port: 5173,
    proxy: { '/api': apiTarget, '/health': apiTarget },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      onLog(level, log, handler) {
        // React Flow marks its bundle "use client" (for React Server Components): meaningless here.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/testing/setup-tests.ts'],
    reporters: ['default', './vitest-summary-reporter.ts'],
    css: false,
  },
});
