import { defineConfig } from 'vite';

// Built into target/classes/public so that Maven packages it as a jar the api serves.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'target/classes/public',
    emptyOutDir: true,
    assetsDir: 'assets',
    // the sizes that count are printed by scripts/bundle-report.mjs (first page under 350 kB gzip)
    chunkSizeWarningLimit: 1500,
    // read by the bundle report to follow the home page's lazy chunks, then removed
    manifest: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // antd marks its modules "use client" for server components; a browser bundle ignores it
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client')) return;
        warn(warning);
      },
    },
  },
  server: {
    // `npm run dev` against a running local stack
    proxy: {
      '/api': 'http://localhost:8080',
      '/oauth': 'http://localhost:8080',
      '/auth': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
