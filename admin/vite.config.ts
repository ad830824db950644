import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { chunkGraph } from '../scripts/chunkGraph.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

// The admin panel is served by the Elysia server at /admin/ from dist/admin.
export default defineConfig({
  root,
  base: '/admin/',
  // chunkGraph: which chunks each page needs, for the build's size budget (written beside dist/admin).
  plugins: [vue(), chunkGraph(fileURLToPath(new URL('../dist/admin.chunks.json', import.meta.url)))],
  build: {
    outDir: '../dist/admin',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 1600,
  },
  server: {
    // `vite --config admin/vite.config.ts` during development: proxy API calls to the server.
    proxy: {
      '/trpc': 'http://localhost:3000',
      '/api': 'http://localhost:3000',
    },
  },
});
