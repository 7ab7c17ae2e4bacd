import Ajv2020, { type Options, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import noticeSchema from '../../../resources/schemas/jejak-notice-1.schema.json' with { type: 'json' };

/**
 * The notice's JSON Schema (resources/schemas) compiled by an independent validator (Ajv, draft
 * 2020-12, with the standard formats). Ajv compiles to JavaScript at run time, which a page under a
 * strict CSP may not do: the browser verifier replaces this module with the same validator
 * compiled at build time from `noticeAjv` (verifier/notice-validator-plugin.ts).
 */

export function noticeAjv(extra: Options = {}): { ajv: Ajv2020; schema: typeof noticeSchema } {
  const ajv = new Ajv2020({ allErrors: true, strict: true, ...extra });
  addFormats(ajv);
  return { ajv, schema: noticeSchema };
}

let compiled: ValidateFunction | undefined;

/** Compiled once, on first use. */
export function noticeValidator(): ValidateFunction {
  if (!compiled) {
    const { ajv, schema } = noticeAjv();
    compiled = ajv.compile(schema);
  }
  return compiled;
}
