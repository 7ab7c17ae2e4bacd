import standaloneCode from 'ajv/dist/standalone/index.js';
import type { Plugin } from 'vite';
import { noticeAjv } from '../electron/core/notice/notice-validator';

const VIRTUAL = '\0jejak-notice-validator';

/**
 * Ajv compiles a schema into JavaScript when first used, which the page's CSP (no eval) forbids.
 * This swaps electron/core/notice/notice-validator.ts for the same validator, compiled here at
 * build time by the same Ajv with the same options and schema (Ajv's standalone code).
 */
export function precompiledNoticeValidator(): Plugin {
  return {
    name: 'jejak-precompiled-notice-validator',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer?.replace(/\\/g, '/').includes('/electron/core/notice/') && source === './notice-validator')
        return VIRTUAL;
      return null;
    },
    load(id) {
      if (id !== VIRTUAL) return null;
      const { ajv, schema } = noticeAjv({ code: { source: true, esm: true } });
      const code = standaloneCode(ajv, ajv.compile(schema));
      // The standalone code require()s Ajv's runtime helpers and the formats: imported here instead.
      const modules: string[] = [];
      const body = code.replace(/require\("([^"]+)"\)/g, (_match, name: string) => {
        if (!modules.includes(name)) modules.push(name);
        return `__runtime${modules.indexOf(name)}`;
      });
      const imports = modules.map((name, i) => `import * as __runtime${i} from ${JSON.stringify(name)};`);
      return [...imports, body, 'export function noticeValidator() { return validate; }'].join('\n');
    },
  };
}
