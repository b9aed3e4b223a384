import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { serviceWorker } from './web/build/service-worker-plugin';

// The PWA lives in web/; the sync server serves web/dist in production.
export default defineConfig({
  root: 'web',
  plugins: [solid(), serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // jsPDF loads these on demand for html() and SVG, which documents never call: left out of the build, so the
    // service worker does not precache 380 kB that no page runs.
    rolldownOptions: { external: ['html2canvas', 'dompurify', 'canvg'] },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:8787',
      '/sync': { target: 'ws://localhost:8787', ws: true },
    },
  },
});
