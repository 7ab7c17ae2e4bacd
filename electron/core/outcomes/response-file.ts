import type { ValidateFunction } from 'ajv/dist/2020.js';
import responseSchema from '../../../resources/schemas/jejak-response-1.schema.json' with { type: 'json' };
import { JejakError } from '../errors';
import { noticeAjv } from '../notice/notice-validator';
import { formatProblem, schemaProblems } from '../notice/schemas';
import type { ResponseStatus } from '../../common/outcome-statuses';
import { CLOCK_SKEW_MS } from './outcome-types';
import { MAX_RESPONSE_FILE_BYTES } from '../../common/limits';

/** A platform's answer to a notice, format jejak-response/1 (resources/schemas/jejak-response-1.schema.json). */
export interface ResponseFile {
  format: 'jejak-response/1';
  noticeId: string;
  reference?: string;
  revision?: number;
  respondedAt: string;
  responder: { organisation: string; name?: string; contactEmail?: string };
  items: Array<{ itemId: string; status: ResponseStatus; reason?: string; actedAt: string; ticket?: string }>;
}

/** How many problems an error names before "and N more". */
const NAMED = 5;

export function tooLarge(size: number): JejakError {
  return new JejakError(
    'UNREADABLE',
    `The response file is ${size} bytes; a jejak-response/1 file is at most ${MAX_RESPONSE_FILE_BYTES}.`,
  ).because('outcomes.error.tooLarge');
}

let compiled: ValidateFunction | undefined;

/** Compiled once, on first use, by the same Ajv set-up as the notice's schema. */
function responseValidator(): ValidateFunction {
  compiled ??= noticeAjv().ajv.compile(responseSchema);
  return compiled;
}

function invalid(problems: string[]): JejakError {
  const named = problems.slice(0, NAMED).join('; ');
  const more = problems.length > NAMED ? ` and ${problems.length - NAMED} more` : '';
  return new JejakError(
    'RESPONSE_INVALID',
    `The response is not a valid jejak-response/1 file: ${named}${more}. Nothing was recorded.`,
    { problems },
  ).because('outcomes.error.invalid', { problems: `${named}${more}` });
}

/** What the schema cannot say: each item answered once, and no time later than now. */
function contentProblems(response: ResponseFile, now: Date): string[] {
  const problems: string[] = [];
  const latest = now.getTime() + CLOCK_SKEW_MS;
  if (Date.parse(response.respondedAt) > latest) problems.push('/respondedAt: is later than now');
  const seen = new Map<string, number>();
  response.items.forEach((item, i) => {
    const first = seen.get(item.itemId);
    if (first !== undefined) problems.push(`/items/${i}/itemId: answers the same item as /items/${first}`);
    else seen.set(item.itemId, i);
    if (Date.parse(item.actedAt) > latest) problems.push(`/items/${i}/actedAt: is later than now`);
  });
  return problems;
}

/**
 * The bytes of a response file, checked: UTF-8 JSON (else UNREADABLE), the schema and the rules
 * beside it (else RESPONSE_INVALID naming each field). Which notice and items it answers is the
 * importer's question.
 */
export function parseResponse(bytes: Uint8Array, now: Date): ResponseFile {
  if (bytes.length > MAX_RESPONSE_FILE_BYTES) throw tooLarge(bytes.length);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new JejakError('UNREADABLE', 'The response file is not UTF-8 JSON; nothing was recorded.').because(
      'outcomes.error.notJson',
    );
  }
  const schema = schemaProblems(responseValidator(), value).map(formatProblem);
  if (schema.length > 0) throw invalid([...new Set(schema)]);
  const response = value as ResponseFile;
  const content = contentProblems(response, now);
  if (content.length > 0) throw invalid(content);
  return response;
}

/**
 * Every itemId the response answers must be one of `known` (the items of the notice it answers);
 * the error names each one that is not, and that the latest notice of `reference` does not list it.
 */
export function requireKnownItems(response: ResponseFile, known: ReadonlySet<string>, reference: string): void {
  const unknown = response.items.flatMap((item, i) =>
    known.has(item.itemId) ? [] : [`/items/${i}/itemId ${item.itemId}`],
  );
  if (unknown.length === 0) return;
  const named =
    unknown.slice(0, NAMED).join(', ') + (unknown.length > NAMED ? ` and ${unknown.length - NAMED} more` : '');
  throw new JejakError(
    'UNKNOWN_ITEM',
    `The response answers ${unknown.length} item(s) the latest notice of ${reference} does not list: ${named}; nothing was recorded.`,
    { unknown },
  ).because('outcomes.error.unknownItems', { count: unknown.length, reference, items: named });
}
