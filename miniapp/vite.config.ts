import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// The Mini App is served by the Elysia server at /app/ from dist/miniapp.
export default defineConfig({
  root,
  base: '/app/',
  plugins: [vue()],
  build: {
    outDir: '../dist/miniapp',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: {
    // `vite --config miniapp/vite.config.ts` during development: proxy API calls to the server.
    proxy: {
      '/trpc': 'http://localhost:3000',
      '/api': 'http://localhost:3000',
    },
  },
});
