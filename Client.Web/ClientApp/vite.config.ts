import { defineConfig } from 'vite';

// React's JSX through esbuild directly: no plugin needed for a production build.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: {
    proxy: {
      '/hubs': { target: 'http://localhost:5000', ws: true },
      '/api': 'http://localhost:5000',
    },
  },
  test: { environment: 'node' },
});
