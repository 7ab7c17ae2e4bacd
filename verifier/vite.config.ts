import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompiledNoticeValidator } from './notice-validator-plugin';
import { singleFile } from './single-file-plugin';

const here = dirname(fileURLToPath(import.meta.url));

/** The page runs in a browser: a Node module anywhere on its import graph fails the build. */
function noNodeModules(): Plugin {
  const builtins = new Set(builtinModules);
  return {
    name: 'jejak-verifier-no-node',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.startsWith('node:') || builtins.has(source.split('/')[0] as string)) {
        this.error(
          `${importer ?? '?'} imports ${source}: the verifier page runs in a browser, where there are no Node modules.`,
        );
      }
      return null;
    },
  };
}

/**
 * With code splitting off (one file), Vite leaves the dependency placeholder of its preload helper
 * unreplaced in each dynamic import (the time-stamp parser and age load that way, so the CLI starts
 * without them): in one file there is nothing to preload, so it becomes "no dependencies".
 */
function noPreloadPlaceholder(): Plugin {
  return {
    name: 'jejak-verifier-no-preload-placeholder',
    renderChunk(code) {
      return code.includes('__VITE_PRELOAD__')
        ? { code: code.replaceAll('__VITE_PRELOAD__', 'void 0'), map: null }
        : null;
    },
  };
}

/** The browser verifier: one self-contained HTML file, out/verifier/verify.html (`npm run build`). */
export default defineConfig({
  root: here,
  base: './',
  plugins: [noNodeModules(), precompiledNoticeValidator('browser'), react(), noPreloadPlaceholder(), singleFile()],
  build: {
    outDir: resolve(here, '../out/verifier'),
    emptyOutDir: true,
    cssCodeSplit: false,
    modulePreload: false,
    assetsInlineLimit: () => true,
    reportCompressedSize: false,
    rolldownOptions: {
      input: resolve(here, 'verify.html'),
      output: { codeSplitting: false },
    },
  },
});
