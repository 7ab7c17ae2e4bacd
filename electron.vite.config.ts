import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { precompiledNoticeValidator } from './verifier/notice-validator-plugin';

// One build for the three parts of the desktop app. The preload runs sandboxed, so it is bundled
// whole (no require of node_modules at run time) and emitted as CommonJS.
export default defineConfig({
  main: {
    // Export and verify run in the main process: Ajv compiling the notice schema there froze the window.
    plugins: [precompiledNoticeValidator('node')],
    build: {
      outDir: 'out/main',
      // zod is bundled, not read from node_modules at each start (95 files; scripts/build-cli.mjs)
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        // The report PDF, and pictures' analyses and PDQ hashes, are worked out on worker threads; their entries sit beside the code that starts them.
        input: {
          index: resolve('electron/main/index.ts'),
          'pdf-worker': resolve('electron/core/report/pdf-worker.ts'),
          'media-worker': resolve('electron/core/evidence/media/media-worker.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // No inline scripts or styles: the CSP allows only 'self'.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
