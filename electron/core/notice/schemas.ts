import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { inEnglish, type Phrase, type PhraseKey, say } from '../packages/phrases';
import noticeSchema from '../../../resources/schemas/jejak-notice-1.schema.json' with { type: 'json' };
import { TurnBudget } from '../in-turns';
import { noticeValidator } from './notice-validator';

/** The notice's JSON Schema problems, each naming the field by its JSON Pointer. */

export interface SchemaProblem {
  /** JSON Pointer of the field, e.g. "/items/0/category"; "" is the whole document */
  path: string;
  message: string;
  /** the message by key, for the reader's language (ajv's own words stay English) */
  phrase: Phrase;
}

const pointer = (segment: string): string => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`;

function problem(path: string, phrase: Phrase): SchemaProblem {
  return { path, message: inEnglish(phrase), phrase };
}

function toProblem(e: ErrorObject): SchemaProblem {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required')
    return problem(e.instancePath + pointer(String(params.missingProperty)), say('check.notice.missing'));
  if (e.keyword === 'additionalProperties')
    return problem(e.instancePath + pointer(String(params.additionalProperty)), say('check.notice.unknownField'));
  if (e.keyword === 'enum') {
    const values = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
    return problem(e.instancePath, say('check.notice.oneOf', { values }));
  }
  if (e.keyword === 'const')
    return problem(e.instancePath, say('check.notice.must', { value: JSON.stringify(params.allowedValue) }));
  return problem(e.instancePath, ajvPhrase(e));
}

/** Ajv's own message by key where we have words for it; its English is kept exactly (else the message itself). */
function ajvPhrase(e: ErrorObject): Phrase {
  const message = e.message ?? e.keyword;
  const key = AJV_KEYS[e.keyword];
  const values = Object.entries(e.params).filter(([, v]) => typeof v === 'string' || typeof v === 'number');
  const phrase = key && say(key, Object.fromEntries(values) as Record<string, string | number>);
  return phrase && inEnglish(phrase) === message ? phrase : say('check.notice.schema', { message });
}

const AJV_KEYS: Record<string, PhraseKey> = {
  pattern: 'check.notice.pattern',
  format: 'check.notice.format',
  maxLength: 'check.notice.maxLength',
  minLength: 'check.notice.minLength',
  maxItems: 'check.notice.maxItems',
  minItems: 'check.notice.minItems',
  type: 'check.notice.type',
  minimum: 'check.notice.limit',
  maximum: 'check.notice.limit',
  uniqueItems: 'check.notice.unique',
};

/** What a compiled schema finds wrong with value, each problem naming its field. */
export function schemaProblems(validate: ValidateFunction, value: unknown): SchemaProblem[] {
  return validate(value) ? [] : (validate.errors ?? []).map(toProblem);
}

export function noticeSchemaProblems(value: unknown): SchemaProblem[] {
  return schemaProblems(noticeValidator(), value);
}

const LISTS = ['items', 'evidence'] as const;
const ENTRY_PART = { items: 'item', evidence: 'evidence' } as const;

/**
 * The problems noticeSchemaProblems finds, with a turn whenever the thread has been held 20 ms: the
 * notice with its two lists emptied against the whole schema, each list's length against its
 * maxItems, and each entry against its definition. At 10,000 items one call held the export's
 * thread 40 ms. The same problems, perhaps in another order.
 */
export async function noticeSchemaProblemsInTurns(value: unknown): Promise<SchemaProblem[]> {
  const notice = value as Record<string, unknown> | null;
  if (typeof notice !== 'object' || notice === null || !LISTS.every((list) => Array.isArray(notice[list])))
    return noticeSchemaProblems(value);
  const problems = schemaProblems(noticeValidator(), { ...notice, items: [], evidence: [] });
  const budget = new TurnBudget(20);
  for (const list of LISTS) {
    const entries = notice[list] as unknown[];
    const limit = noticeSchema.properties[list].maxItems;
    if (entries.length > limit)
      problems.push(
        toProblem({
          keyword: 'maxItems',
          instancePath: `/${list}`,
          schemaPath: `#/properties/${list}/maxItems`,
          params: { limit },
          message: `must NOT have more than ${limit} items`,
        }),
      );
    const validate = noticeValidator(ENTRY_PART[list]);
    for (let i = 0; i < entries.length; i++) {
      await budget.takeIfDue();
      const found = list === 'items' ? await itemProblems(entries[i], budget) : schemaProblems(validate, entries[i]);
      for (const p of found) problems.push({ ...p, path: `/${list}/${i}${p.path}` });
    }
  }
  return problems;
}

/** An item's evidence list longer than this is checked a path at a time, in turns. */
const LONG_EVIDENCE_LIST = 1000;

/**
 * An item's problems, as its definition finds them. A long evidence list is checked apart, a path
 * at a time with turns, and for duplicates as Ajv does (the first found from its end): the one
 * item of a 20,000-picture channel held the export's thread 36-47 ms in one call.
 */
async function itemProblems(item: unknown, budget: TurnBudget): Promise<SchemaProblem[]> {
  const evidence = (item as { evidence?: unknown } | null)?.evidence;
  const validateItem = noticeValidator('item');
  // not a list, or a short one: the whole item at once
  if (!Array.isArray(evidence) || evidence.length <= LONG_EVIDENCE_LIST) return schemaProblems(validateItem, item);
  const problems = schemaProblems(validateItem, { ...(item as object), evidence: [] });
  const validatePath = noticeValidator('itemEvidencePath');
  const seen = new Map<string, number>();
  let duplicate: { i: number; j: number } | undefined;
  for (let k = evidence.length - 1; k >= 0; k--) {
    await budget.takeIfDue();
    const path: unknown = evidence[k];
    for (const p of schemaProblems(validatePath, path)) problems.push({ ...p, path: `/evidence/${k}${p.path}` });
    if (typeof path !== 'string' || duplicate) continue;
    const later = seen.get(path);
    if (later === undefined) seen.set(path, k);
    else duplicate = { i: k, j: later };
  }
  if (duplicate) {
    const { i, j } = duplicate;
    const message = `must NOT have duplicate items (items ## ${j} and ${i} are identical)`;
    const schemaPath = '#/$defs/item/properties/evidence/uniqueItems';
    problems.push(
      toProblem({ keyword: 'uniqueItems', instancePath: '/evidence', schemaPath, params: { i, j }, message }),
    );
  }
  return problems;
}

export function formatProblem(p: SchemaProblem): string {
  return `${p.path || '/'}: ${p.message}`;
}

/** "/items/0/category: must be one of …" */
export const problemPhrase = (p: SchemaProblem): Phrase =>
  say('check.notice.at', { path: p.path || '/', problem: p.phrase });
