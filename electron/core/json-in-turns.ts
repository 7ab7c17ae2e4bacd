import { TurnBudget } from './in-turns';

/**
 * The text `JSON.stringify(value, null, 2)` gives, as UTF-8 bytes, made with a turn of the event
 * loop whenever the thread has been held 20 ms: a long array is written item by item, each item in
 * one call of JSON.stringify, indented to its depth; an object is written member by member. At
 * 10,000 items report.json and notice.json (7 and 6 MB) each held the thread 100 ms and more in one
 * call. Bytes, not strings: held as strings, the texts of that case left the export's heap at
 * 49 MiB instead of 31 for the rest of the export (V8 sizes a heap by what it has held).
 *
 * The same text for any value JSON.stringify takes: what it leaves out of an object (undefined, a
 * function) is left out, an array's such item is null, a value with toJSON is written as that gives.
 */
export async function jsonInTurns(value: unknown): Promise<Buffer> {
  const writer = new TextWriter(new TurnBudget(20));
  await write(value, '', writer);
  return writer.end();
}

/** Arrays shorter than this are written in one call of JSON.stringify. */
const WHOLE_UP_TO = 64;
/** Text gathered before it is written into the bytes. */
const PENDING_CHARS = 64 * 1024;

/**
 * The bytes in one buffer, grown by doubling: pieces of their own, each small, stayed with the
 * process's allocator once freed, and a 10,000-item export peaked higher (5-8 MiB, runs alternated);
 * a large buffer is memory of its own, given back whole, and its unwritten end is never touched.
 */
class TextWriter {
  private pending: string[] = [];
  private chars = 0;
  private bytes = Buffer.allocUnsafeSlow(1 << 20);
  private used = 0;

  constructor(readonly budget: TurnBudget) {}

  add(text: string): void {
    this.pending.push(text);
    this.chars += text.length;
    if (this.chars >= PENDING_CHARS) this.flush();
  }

  end(): Buffer {
    this.flush();
    return this.bytes.subarray(0, this.used);
  }

  private flush(): void {
    const text = this.pending.join('');
    this.pending = [];
    this.chars = 0;
    const length = Buffer.byteLength(text, 'utf8');
    if (this.used + length > this.bytes.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, this.used + length));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(text, this.used, 'utf8');
  }
}

/** JSON.stringify(value, null, 2) written at `indent` (its lines after the first indented so). */
function whole(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return text === undefined || indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

/** What JSON.stringify leaves out of an object. */
const leftOut = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

async function write(value: unknown, indent: string, out: TextWriter): Promise<void> {
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length >= WHOLE_UP_TO) {
    out.add('[');
    for (let i = 0; i < value.length; i++) {
      out.add(`${i === 0 ? '' : ','}\n${inner}`);
      // an item in one call (one item of a case is small), unless it is a long list itself
      const item: unknown = value[i];
      if (Array.isArray(item)) await write(item, inner, out);
      else out.add(whole(item, inner) ?? 'null');
      await out.budget.takeIfDue();
    }
    out.add(`\n${indent}]`);
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || 'toJSON' in value) {
    out.add(whole(value, indent) ?? 'null');
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => !leftOut(v));
  if (entries.length === 0) {
    out.add('{}');
    return;
  }
  out.add('{');
  for (const [i, [key, v]] of entries.entries()) {
    out.add(`${i === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `);
    await write(v, inner, out);
  }
  out.add(`\n${indent}}`);
}
