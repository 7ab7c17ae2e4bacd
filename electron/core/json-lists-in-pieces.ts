import { TurnBudget } from './in-turns';
import { isJsonSpace } from './parse-json-in-turns';

/**
 * A JSON object read from its text in pieces, its named lists an entry at a time: each entry of a
 * list named in `lists` is parsed alone and handed to `onEntry`, then let go of, and the object
 * comes back with each such list empty. The text, the entries and the parsed whole are never held
 * at once: the export's check of its own report.json (15 MB and 20,000 items) held all three, 50 MiB
 * of heap at the end of the package, its peak.
 *
 * Every character is read by JSON.parse, in an entry or in the rest of the object, so a text it
 * rejects throws a SyntaxError, as a text JSON.parse rejects does; one that names a list twice does
 * too (JSON.parse would keep the second). A text whose value is not an object is parsed whole.
 * Takes a turn of the event loop whenever it has held the thread 20 ms.
 */
export async function readJsonLists(
  pieces: Iterable<string>,
  lists: readonly string[],
  onEntry: (list: string, entry: unknown) => void,
): Promise<unknown> {
  const splitter = new ListSplitter(new Set(lists), onEntry);
  const budget = new TurnBudget(20);
  for (const piece of pieces) {
    for (let at = 0; at < piece.length; at += STEP) {
      splitter.read(piece.slice(at, at + STEP));
      await budget.takeIfDue();
    }
  }
  return splitter.end();
}

/** Characters read between two looks at the clock. */
const STEP = 64 * 1024;
const SPACE = /^[ \t\n\r]*$/;
/** where a string read from `lastIndex` ends or escapes */
const STRING_STOP = /["\\]/g;

/**
 * The state of the reading between pieces: the depth of brackets, whether in a string (and just after
 * its backslash), the top object's key being read, and the list being read, if any.
 */
class ListSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** in the top object, where a key comes next */
  private keyNext = false;
  /** the characters of the key being read, its quotes left out */
  private key: string | null = null;
  /** a list's name, read just before its colon, until its value begins */
  private listAhead: string | null = null;
  private list: string | null = null;
  private readonly listsRead = new Set<string>();
  private commaInList = false;
  private readonly top: string[] = [];
  private entry: string[] = [];

  constructor(
    private readonly lists: ReadonlySet<string>,
    private readonly onEntry: (list: string, entry: unknown) => void,
  ) {}

  read(text: string): void {
    let from = 0; // where the text not yet kept begins
    for (let at = 0; at < text.length; at++) {
      if (this.inString) {
        at = this.stringStop(text, at);
        continue;
      }
      const code = text.charCodeAt(at);
      if (this.listAhead !== null && !isJsonSpace(code)) {
        const name = this.listAhead;
        this.listAhead = null;
        if (code === 91 /* [ */) {
          if (this.listsRead.has(name)) throw new SyntaxError(`JSON: "${name}" is given twice`);
          this.listsRead.add(name);
          this.top.push(text.slice(from, at), '[]');
          from = at + 1;
          this.depth++;
          this.list = name;
          this.commaInList = false;
          continue;
        }
      }
      switch (code) {
        case 34: // "
          this.inString = true;
          if (this.keyNext && this.depth === 1) this.key = '';
          break;
        case 123: // {
        case 91: // [
          if (++this.depth === 1) this.keyNext = code === 123;
          break;
        case 125: // }
        case 93: // ]
          if (--this.depth < 0) throw new SyntaxError('JSON: a bracket closes what was not opened');
          if (this.list !== null && this.depth === 1) {
            if (code !== 93) throw new SyntaxError('JSON: a list ends with "}"');
            this.endEntry(text.slice(from, at), true);
            from = at + 1;
          }
          break;
        case 44: // ,
          if (this.list !== null && this.depth === 2) {
            this.endEntry(text.slice(from, at), false);
            from = at + 1;
          } else if (this.depth === 1) this.keyNext = true;
          break;
        case 58: // :
          if (this.depth === 1 && this.key !== null) {
            const name = JSON.parse(`"${this.key}"`) as string;
            if (this.lists.has(name)) this.listAhead = name;
            this.key = null;
            this.keyNext = false;
          }
      }
    }
    (this.list === null ? this.top : this.entry).push(text.slice(from));
  }

  /** Past a string's characters from `at`: the index of its closing quote, or the last one read. */
  private stringStop(text: string, at: number): number {
    let i = at;
    if (this.escaped) {
      this.escaped = false;
      this.keepKey(text, i, i + 1);
      i++;
    }
    STRING_STOP.lastIndex = i;
    for (;;) {
      const stop = STRING_STOP.exec(text);
      if (!stop) {
        this.keepKey(text, i, text.length);
        return text.length - 1;
      }
      this.keepKey(text, i, stop.index);
      if (text.charCodeAt(stop.index) === 34) {
        this.inString = false;
        return stop.index;
      }
      // a backslash and the character it escapes (in the next piece, when it ends this one)
      this.keepKey(text, stop.index, stop.index + 2);
      if (stop.index + 1 >= text.length) {
        this.escaped = true;
        return text.length - 1;
      }
      i = stop.index + 2;
      STRING_STOP.lastIndex = i;
    }
  }

  private keepKey(text: string, from: number, to: number): void {
    if (this.key !== null) this.key += text.slice(from, to);
  }

  private endEntry(last: string, listEnds: boolean): void {
    const text = this.entry.join('') + last;
    const list = this.list!;
    this.entry = [];
    if (listEnds) this.list = null;
    if (SPACE.test(text)) {
      // `[]` and `[ ]` hold no entry; a comma with nothing after it, or before it, is not JSON
      if (listEnds && !this.commaInList) return;
      throw new SyntaxError('JSON: an empty entry in a list');
    }
    if (!listEnds) this.commaInList = true;
    this.onEntry(list, JSON.parse(text));
  }

  end(): unknown {
    if (this.inString || this.depth !== 0 || this.list !== null) throw new SyntaxError('JSON: the text ends early');
    return JSON.parse(this.top.join(''));
  }
}
