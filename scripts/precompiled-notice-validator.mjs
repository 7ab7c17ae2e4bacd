// The notice's JSON Schema validator compiled at build time into Ajv's standalone code, so the built
// app, the `jejak` bundle and the browser verifier never run Ajv's compiler (about 100 ms of blocked
// main thread at the first export or verify, and eval, which the verifier page's CSP forbids). It is
// compiled from electron/core/notice/notice-validator.ts's own `noticeAjv`, so options and schema are
// the same ones the sources compile at run time (which the tests, running from source, still do).
// Used by scripts/build-cli.mjs (esbuild), electron.vite.config.ts and verifier/vite.config.ts (vite).
import standaloneCode from 'ajv/dist/standalone/index.js';
import { tsImport } from 'tsx/esm/api';

/** The module bundlers put in place of `./notice-validator` when imported from electron/core/notice/. */
export const isNoticeValidatorImport = (source, importer) =>
  source === './notice-validator' && (importer ?? '').replace(/\\/g, '/').includes('/electron/core/notice/');

/**
 * The replacement module's code: `noticeValidator(part)` returns the precompiled function of each part. For Node
 * (the CLI and the app's main process) Ajv's few runtime helpers are require()d from node_modules
 * as the standalone code expects; for the browser they are imports the bundler resolves.
 */
export async function noticeValidatorModule(target) {
  const { noticeAjv, noticePartRef, NOTICE_PARTS } = await tsImport(
    '../electron/core/notice/notice-validator.ts',
    import.meta.url,
  );
  const { ajv, schema } = noticeAjv({ code: { source: true, esm: true } });
  ajv.addSchema(schema);
  const parts = NOTICE_PARTS;
  const code = standaloneCode(ajv, Object.fromEntries(parts.map((part) => [part, noticePartRef(part)])));
  const exported = `const parts = { ${parts.join(', ')} };\nexport function noticeValidator(part = 'notice') { return parts[part]; }`;
  if (target === 'node') {
    const requirer =
      "import { createRequire } from 'node:module';\nconst runtimeRequire = createRequire(import.meta.url);";
    return [requirer, code.replace(/\brequire\("/g, 'runtimeRequire("'), exported].join('\n');
  }
  const modules = [];
  const body = code.replace(/require\("([^"]+)"\)/g, (_match, name) => {
    if (!modules.includes(name)) modules.push(name);
    return `__runtime${modules.indexOf(name)}`;
  });
  const imports = modules.map((name, i) => `import * as __runtime${i} from ${JSON.stringify(name)};`);
  return [...imports, body, exported].join('\n');
}
