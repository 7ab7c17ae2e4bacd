// Types for precompiled-notice-validator.mjs.
export function isNoticeValidatorImport(source: string, importer: string | undefined): boolean;
/** ES module code exporting `noticeValidator()`, the notice schema's validator compiled at build time. */
export function noticeValidatorModule(target: 'node' | 'browser'): Promise<string>;
