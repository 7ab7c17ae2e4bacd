import { TurnBudget } from './in-turns';

/**
 * `JSON.parse(text)`, with a turn of the event loop whenever the thread has been held 20 ms: at
 * 10,000 items the export's check of report.json (7.6 MB) held the thread 42-48 ms in one call of
 * JSON.parse, and twice that at 20,000.
 *
 * A long object or array is split at its own commas (strings skipped, brackets counted) into groups
 * of members, each group read by one JSON.parse as an object or array of its own, and a member that
 * is long by itself split the same way, a few levels deep at most. The groups, joined by the commas
 * they were split at, are the container's text, and a group is accepted only where JSON.parse
 * accepts it, so the same texts are accepted, with the same value: members are defined as
 * JSON.parse defines them (a repeated key keeps its first place and its last value; a `__proto__`
 * key is an own property). A text it rejects throws a SyntaxError. Memory and time stay linear in
 * the text, whatever its shape: a hostile package's report.json reaches the verifier too.
 */
export async function parseJsonInTurns(text: string, wholeBelow = WHOLE_BELOW): Promise<unknown> {
  return await new Parser(text, wholeBelow).value(0, text.length, 0);
}

/** Pieces shorter than this many characters are read by one call of JSON.parse (about a millisecond here). */
const WHOLE_BELOW = 128 * 1024;
/** Containers this deep are read whole: each level split scans its text once more. */
const SPLIT_DEPTH = 3;
const JSON_SPACE = /^[ \t\n\r]*$/;

/** Members of a container, `start` to `end`; `colon` is a single object member's, else -1. */
interface Group {
  start: number;
  end: number;
  single: boolean;
  colon: number;
}

class Parser {
  private readonly budget = new TurnBudget(20);
  /** members are gathered into groups of about this many characters */
  private readonly groupChars: number;

  constructor(
    private readonly text: string,
    private readonly wholeBelow: number,
  ) {
    this.groupChars = Math.max(1, wholeBelow >> 1);
  }

  /** the value of the text between start and end: a promise only where it is split */
  value(start: number, end: number, depth: number): unknown {
    const text = this.text;
    let s = start;
    let e = end;
    while (s < e && isJsonSpace(text.charCodeAt(s))) s++;
    while (e > s && isJsonSpace(text.charCodeAt(e - 1))) e--;
    const open = text[s];
    if (e - s < this.wholeBelow || depth >= SPLIT_DEPTH || (open !== '{' && open !== '[')) {
      return JSON.parse(text.slice(s, e));
    }
    if (text[e - 1] !== (open === '{' ? '}' : ']')) throw this.unexpected(e - 1);
    return this.container(s + 1, e - 1, open === '{', depth);
  }

  private async container(start: number, end: number, isObject: boolean, depth: number): Promise<unknown> {
    const groups = await this.split(start, end, isObject);
    return isObject ? this.object(groups, depth) : this.array(groups, depth);
  }

  private async array(groups: Group[], depth: number): Promise<unknown[]> {
    const out: unknown[] = [];
    for (const group of groups) {
      if (this.budget.due()) await this.budget.take();
      if (!group.single) {
        for (const element of JSON.parse(`[${this.text.slice(group.start, group.end)}]`) as unknown[])
          out.push(element);
        continue;
      }
      const element = this.value(group.start, group.end, depth + 1);
      // awaited only where split: a microtask per short member was a tenth of the parse
      out.push(element instanceof Promise ? await element : element);
    }
    return out;
  }

  private async object(groups: Group[], depth: number): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const group of groups) {
      if (this.budget.due()) await this.budget.take();
      if (!group.single) {
        const part = JSON.parse(`{${this.text.slice(group.start, group.end)}}`) as Record<string, unknown>;
        for (const name of Object.keys(part)) define(out, name, part[name]);
        continue;
      }
      if (group.colon < 0) throw this.unexpected(group.end);
      const name = JSON.parse(this.text.slice(group.start, group.colon)) as unknown;
      if (typeof name !== 'string') throw this.unexpected(group.start);
      const member = this.value(group.colon + 1, group.end, depth + 1);
      define(out, name, member instanceof Promise ? await member : member);
    }
    return out;
  }

  /**
   * The container's members between its brackets, in groups: consecutive short members up to
   * about `groupChars`, and each long member alone (with its colon, in an object). Only this
   * level's commas count, and a group is never empty.
   */
  private async split(start: number, end: number, isObject: boolean): Promise<Group[]> {
    const groups: Group[] = [];
    const text = this.text;
    if (JSON_SPACE.test(text.slice(start, end))) return groups;
    let depth = 0;
    let groupStart = start;
    let memberStart = start;
    let colon = -1;
    const push = (group: Group) => {
      if (JSON_SPACE.test(text.slice(group.start, group.end))) throw this.unexpected(group.start);
      groups.push(group);
    };
    const endMember = (at: number) => {
      if (at - memberStart >= this.wholeBelow) {
        if (memberStart > groupStart) push({ start: groupStart, end: memberStart - 1, single: false, colon: -1 });
        push({ start: memberStart, end: at, single: true, colon });
        groupStart = at + 1;
      } else if (at === end || at - groupStart >= this.groupChars) {
        push({ start: groupStart, end: at, single: false, colon: -1 });
        groupStart = at + 1;
      }
      memberStart = at + 1;
      colon = -1;
    };
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
          if (depth === 0) endMember(at);
          break;
        case 58: // :
          if (depth === 0 && isObject && colon < 0) colon = at;
      }
    }
    if (depth !== 0) throw this.unexpected(end);
    endMember(end);
    return groups;
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

  private unexpected(at: number): SyntaxError {
    return new SyntaxError(`Unexpected token in JSON at position ${at}`);
  }
}

/** A member as JSON.parse makes it: an own, plain property, `__proto__` included. */
function define(object: object, name: string, value: unknown): void {
  Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true });
}

/** JSON's four white-space characters (RFC 8259, 2). */
export function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
