import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer bundle: served by the web-mode host and by Electron's app:// protocol, so
// every URL in it is relative and nothing is loaded from a CDN.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
});
