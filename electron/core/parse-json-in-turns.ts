import { TurnBudget } from './in-turns';

/**
 * `JSON.parse(text)`, with a turn of the event loop whenever the thread has been held 20 ms: at
 * 10,000 items the export's check of report.json (7.6 MB) held the thread 42-48 ms in one call of
 * JSON.parse, and twice that at 20,000.
 *
 * A long object or array is split at its own commas and colons (strings skipped, brackets counted)
 * and each member parsed apart, recursively while a member is still long; everything short is one
 * call of JSON.parse. Every character is either such a separator, whitespace between them, or part
 * of a piece JSON.parse reads, so the same texts are accepted, with the same value: members are
 * defined as JSON.parse defines them (a repeated key keeps its first place and its last value; a
 * `__proto__` key is an own property). A text it rejects throws a SyntaxError.
 */
export async function parseJsonInTurns(text: string, wholeBelow = WHOLE_BELOW): Promise<unknown> {
  return await new Parser(text, wholeBelow).value(0, text.length);
}

/** Pieces shorter than this many characters are read by one call of JSON.parse (about a millisecond here). */
const WHOLE_BELOW = 128 * 1024;
const JSON_SPACE = /^[ \t\n\r]*$/;

interface Span {
  start: number;
  end: number;
}

class Parser {
  private readonly budget = new TurnBudget(20);

  constructor(
    private readonly text: string,
    private readonly wholeBelow: number,
  ) {}

  /** the value of the text between start and end: a promise only where it is split */
  value(start: number, end: number): unknown {
    const span = this.trimmed(start, end);
    const open = this.text[span.start];
    if (span.end - span.start < this.wholeBelow || (open !== '{' && open !== '[')) {
      return JSON.parse(this.text.slice(span.start, span.end));
    }
    if (this.text[span.end - 1] !== (open === '{' ? '}' : ']')) throw this.unexpected(span.end - 1);
    return this.container(span, open === '{');
  }

  private async container(span: Span, isObject: boolean): Promise<unknown> {
    const parts = await this.split(span.start + 1, span.end - 1, isObject);
    const out: Record<string, unknown> | unknown[] = isObject ? {} : [];
    for (const [first, second] of parts) {
      if (this.budget.due()) await this.budget.take();
      if (!isObject) {
        const element = this.value(first!.start, first!.end);
        // awaited only where split: a microtask per short member was a tenth of the parse
        (out as unknown[]).push(element instanceof Promise ? await element : element);
        continue;
      }
      const name = JSON.parse(this.text.slice(first!.start, first!.end)) as unknown;
      if (typeof name !== 'string') throw this.unexpected(first!.start);
      const member = this.value(second!.start, second!.end);
      const value: unknown = member instanceof Promise ? await member : member;
      Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
    }
    return out;
  }

  /**
   * The members between a container's brackets: for an array each element's span, for an object
   * each member's key and value spans. Only this level's commas and colons count.
   */
  private async split(start: number, end: number, isObject: boolean): Promise<Span[][]> {
    const parts: Span[][] = [];
    if (JSON_SPACE.test(this.text.slice(start, end))) return parts;
    let depth = 0;
    let from = start;
    let key: Span | null = null;
    const finish = (at: number) => {
      const piece = { start: from, end: at };
      if (!isObject) parts.push([piece]);
      else if (key === null) throw this.unexpected(at);
      else parts.push([key, piece]);
      key = null;
      from = at + 1;
    };
    const text = this.text;
    for (let at = start, ask = start; at < end; at++) {
      // the budget is asked every 64 K characters: asking costs a clock read
      if (at >= ask) {
        if (this.budget.due()) await this.budget.take();
        ask = at + 0x10000;
      }
      switch (text.charCodeAt(at)) {
        case 34: // "
          at = this.stringEnd(at);
          break;
        case 123: // {
        case 91: // [
          depth++;
          break;
        case 125: // }
        case 93: // ]
          if (--depth < 0) throw this.unexpected(at);
          break;
        case 44: // ,
          if (depth === 0) finish(at);
          break;
        case 58: // :
          if (depth > 0) break;
          if (!isObject || key !== null) throw this.unexpected(at);
          key = this.trimmed(from, at);
          from = at + 1;
      }
    }
    if (depth !== 0) throw this.unexpected(end);
    finish(end);
    return parts;
  }

  /** the index of the quote that ends the string opening at `quote` */
  private stringEnd(quote: number): number {
    let at = quote;
    for (;;) {
      at = this.text.indexOf('"', at + 1);
      if (at < 0) throw this.unexpected(this.text.length);
      let backslashes = 0;
      while (this.text[at - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) return at;
    }
  }

  /** the span without JSON's whitespace around it (an empty one fails where it is parsed) */
  private trimmed(start: number, end: number): Span {
    let s = start;
    let e = end;
    while (s < e && isJsonSpace(this.text.charCodeAt(s))) s++;
    while (e > s && isJsonSpace(this.text.charCodeAt(e - 1))) e--;
    return { start: s, end: e };
  }

  private unexpected(at: number): SyntaxError {
    return new SyntaxError(`Unexpected token in JSON at position ${at}`);
  }
}

function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
