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

/**
 * The parts the notice is checked by, each a place in its schema: the whole of it, one entry of its
 * items or of its evidence, or one path of an item's evidence list (a long one is checked a path at
 * a time).
 */
const PART_POINTERS = {
  notice: '',
  item: '#/$defs/item',
  evidence: '#/$defs/evidence',
  itemEvidencePath: '#/$defs/item/properties/evidence/items',
} as const;
export type NoticePart = keyof typeof PART_POINTERS;
export const NOTICE_PARTS = Object.keys(PART_POINTERS) as NoticePart[];

export const noticePartRef = (part: NoticePart): string => `${noticeSchema.$id}${PART_POINTERS[part]}`;

let ajv: Ajv2020 | undefined;
const compiled = new Map<NoticePart, ValidateFunction>();

/** Compiled once, on first use. */
export function noticeValidator(part: NoticePart = 'notice'): ValidateFunction {
  let validate = compiled.get(part);
  if (!validate) {
    if (!ajv) {
      const made = noticeAjv();
      ajv = made.ajv.addSchema(made.schema);
    }
    validate = ajv.getSchema(noticePartRef(part));
    if (!validate) throw new Error(`the notice schema has no ${noticePartRef(part)}`);
    compiled.set(part, validate);
  }
  return validate;
}
