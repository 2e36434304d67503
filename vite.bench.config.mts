import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const at = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

// The UI benchmark's grid page (src-renderer/bench), built apart from the product so the
// product bundle never carries it. scripts/bench/ui-bench.mjs builds and serves it.
export default defineConfig({
  root: at('./src-renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: at('./out/bench-ui'),
    emptyOutDir: true,
    rolldownOptions: { input: at('./src-renderer/bench/grid-bench.html') },
  },
});
