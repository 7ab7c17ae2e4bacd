import { TurnBudget } from './in-turns';

/**
 * The text `JSON.stringify(value, null, 2)` gives, in pieces, made with a turn of the event loop
 * whenever the thread has been held 20 ms: a long array is written item by item, each item in one
 * call of JSON.stringify, indented to its depth; an object is written member by member. At 10,000
 * items report.json and notice.json (7 and 6 MB) each held the thread 100 ms and more in one call.
 * The pieces are for a stream (streamed-text.ts): the whole text is never held, as a string or as
 * bytes.
 *
 * The same text for any value JSON.stringify takes: what it leaves out of an object (undefined, a
 * function) is left out, an array's such item is null, a value with toJSON is written as that gives.
 */
export async function* jsonInTurns(value: unknown): AsyncGenerator<string> {
  yield* write(value, '', new TurnBudget(20));
}

/** Arrays shorter than this are written in one call of JSON.stringify. */
const WHOLE_UP_TO = 64;

/** JSON.stringify(value, null, 2) written at `indent` (its lines after the first indented so). */
function whole(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text === undefined || indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

/** What JSON.stringify leaves out of an object. */
const leftOut = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

async function* write(value: unknown, indent: string, budget: TurnBudget): AsyncGenerator<string> {
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length >= WHOLE_UP_TO) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '' : ','}\n${inner}`;
      // an item in one call (one item of a case is small), unless it is a long list itself
      const item: unknown = value[i];
      if (Array.isArray(item)) yield* write(item, inner, budget);
      else yield whole(item, inner) ?? 'null';
      await budget.takeIfDue();
    }
    yield `\n${indent}]`;
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || 'toJSON' in value) {
    yield whole(value, indent) ?? 'null';
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => !leftOut(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (const [i, [key, v]] of entries.entries()) {
    yield `${i === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
    yield* write(v, inner, budget);
  }
  yield `\n${indent}}`;
}
