import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app: built into web/dist, which `onward start` serves (injecting the install token into
 * index.html); it talks only to /api on the same origin. Work on it with `npm run build` and a
 * running `onward start`: a separate dev server would be another origin, which the API refuses.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  // Nothing from the network, ever: no CDN, no web fonts; the CSP allows only our own files.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
  },
});
