import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app: index.html at the repo root, built into dist/web, which the
// server serves. In development `/api` goes to the server on port 8080.
export default defineConfig({
  root: '.',
  publicDir: 'public',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.KEREGE_API ?? 'http://localhost:8080', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: process.env.KEREGE_API ?? 'http://localhost:8080', changeOrigin: false } },
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // The login page must stay under 200 KB gz; see docs/decisions and the
    // Sizes section of the machine notes. Report sizes after each build.
    reportCompressedSize: true,
    chunkSizeWarningLimit: 400,
  },
});
