import type { Plugin } from 'vite';
import { isNoticeValidatorImport, noticeValidatorModule } from '../scripts/precompiled-notice-validator.mjs';

const VIRTUAL = '\0jejak-notice-validator';

/**
 * Swaps electron/core/notice/notice-validator.ts for the same validator compiled at build time
 * (scripts/precompiled-notice-validator.mjs): the verifier page's CSP forbids the eval Ajv compiles
 * with, and in the app's main process compiling it blocks the window for about 100 ms.
 */
export function precompiledNoticeValidator(target: 'node' | 'browser'): Plugin {
  return {
    name: 'jejak-precompiled-notice-validator',
    enforce: 'pre',
    resolveId(source, importer) {
      return isNoticeValidatorImport(source, importer) ? VIRTUAL : null;
    },
    load(id) {
      return id === VIRTUAL ? noticeValidatorModule(target) : null;
    },
  };
}
