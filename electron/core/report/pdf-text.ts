/**
 * Text preparation for the report PDF, independent of pdfkit so it can be tested on its own:
 * making user text safe to show, breaking it into lines that fit, and putting right-to-left
 * words in visual order.
 *
 * User text (titles, notes, URLs) is drawn as plain text; PDF has no markup to inject. What can
 * still mislead a reader are characters that draw nothing: controls, bidi overrides (U+202E can
 * make "gpj.exe" read "exe.jpg"), zero-width characters inside a URL. Those are shown as a visible
 * "[U+202E]" instead of being dropped, so the document shows that they are there.
 */

/** Invisible or direction-changing characters, made visible everywhere. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- finding these characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]/gu;
/** Also made visible in identifiers (URLs, file names, references): joiners, soft hyphen, variation selectors. */
// eslint-disable-next-line no-misleading-character-class -- finding these characters is the point
const INVISIBLE_STRICT = /[\u00AD\u034F\u200C\u200D\uFE00-\uFE0F]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const visible = (ch: string) => `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;

export interface CleanOptions {
  /** keep line breaks (notes); otherwise a line break is shown like any other control */
  multiline?: boolean;
  /** identifiers: also show joiners, soft hyphens and variation selectors */
  strict?: boolean;
}

/** User text made safe to draw: NFC, no lone surrogates, invisible characters made visible, tabs as spaces. */
export function cleanText(input: unknown, opts: CleanOptions = {}): string {
  let s = typeof input === 'string' ? input : input == null ? '' : String(input);
  s = s.replace(LONE_SURROGATE, '\uFFFD').normalize('NFC');
  if (opts.multiline) s = s.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
  s = s.replace(/\t/g, '    ');
  s = s.replace(INVISIBLE, visible);
  if (!opts.multiline) s = s.replace(/[\n\u2028\u2029]/g, visible);
  if (opts.strict) s = s.replace(INVISIBLE_STRICT, visible);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Line breaking

export type Measure = (s: string) => number;

/** After these a long unbroken string that is not a URL (a path, a file name) may break. */
const BREAK_AFTER = new Set([
  '/',
  '?',
  '&',
  '=',
  '#',
  '-',
  '_',
  '.',
  ',',
  ';',
  ':',
  '~',
  '+',
  '@',
  '|',
  '\\',
  ')',
  ']',
  '}',
]);
/** A URL breaks only after these, so each line ends where a reader sees the address has more to it. */
const URL_BREAK_AFTER = new Set(['/', '?', '&']);
/** "scheme://", "www." or "host.tld/" at the start of a word: a URL. */
const URL_START = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\/)/iu;

export function isUrl(word: string): boolean {
  return URL_START.test(word);
}

/** A URL may break after "/", "?" or "&" (the one ending at `end`), but not inside "scheme://" nor between two slashes. */
function urlBreakAt(word: string, end: number): boolean {
  const ch = word[end - 1] ?? '';
  if (!URL_BREAK_AFTER.has(ch) || (ch === '/' && word[end] === '/')) return false;
  const scheme = word.indexOf('://');
  return scheme < 0 || end > scheme + 3;
}

let graphemeSegmenter: Intl.Segmenter | null = null;
/** Printable ASCII: every character is a grapheme of its own. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
/** The graphemes of `s`, lazily: breaking a long word reads only as far as a line reaches. */
function* graphemesOf(s: string): Generator<string> {
  if (PLAIN_ASCII.test(s)) {
    for (const ch of s) yield ch;
    return;
  }
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const g of graphemeSegmenter.segment(s)) yield g.segment;
}
function graphemes(s: string): string[] {
  return Array.from(graphemesOf(s));
}

/**
 * The longest start of `word` (in whole graphemes, at least one) that fits after `prefix` in
 * `width`. A URL ends the chunk just after its last "/", "?" or "&" that fits, and breaks between
 * graphemes only when no such separator fits at all (on a line of its own: after a prefix it
 * moves to the next line instead); other words prefer to end after a separator in their last 40%.
 *
 * The fit is first estimated from the widths of single graphemes (which `measure` has seen
 * before: it caches words), read only a little past the line, then settled by measuring the
 * real prefix (kerning and ligatures make it differ slightly from the sum), usually once or
 * twice. Cost grows with the line, not with the word.
 */
function fitChunk(prefix: string, word: string, width: number, measure: Measure, url: boolean): number {
  const g: string[] = [];
  const ends: number[] = [];
  let estimate = measure(prefix);
  let fitting = 0; // graphemes whose estimated width fits
  let past = 0; // graphemes read beyond the estimated fit
  for (const part of graphemesOf(word)) {
    g.push(part);
    ends.push((ends[ends.length - 1] ?? 0) + part.length);
    estimate += measure(part);
    if (estimate <= width && past === 0) fitting = g.length;
    else if (++past > 2 && estimate > width * 1.1) break;
  }
  const whole = (ends[ends.length - 1] ?? 0) === word.length;
  const fits = (n: number) => measure(prefix + word.slice(0, ends[n - 1])) <= width;
  let lo = Math.min(fitting, g.length);
  while (lo > 0 && !fits(lo)) lo--;
  while (lo < g.length && fits(lo + 1)) lo++;
  if (lo === 0) return prefix === '' ? (ends[0] ?? word.length) : 0;
  if (whole && lo === g.length) return word.length;
  if (url) {
    for (let n = lo; n >= 1; n--) if (urlBreakAt(word, ends[n - 1] ?? 0)) return ends[n - 1] ?? 0;
    return prefix === '' ? (ends[lo - 1] ?? 0) : 0;
  }
  for (let n = lo; n >= Math.max(1, Math.ceil(lo * 0.6)); n--) {
    if (BREAK_AFTER.has(g[n - 1] ?? '')) return ends[n - 1] ?? 0;
  }
  return ends[lo - 1] ?? 0;
}

/**
 * Breaks text into lines no wider than `width`: at spaces, and inside a word that does not fit
 * a line of its own (after a URL separator where possible, else between graphemes). Paragraph
 * breaks ("\n") are kept; an empty paragraph is an empty line. Never returns zero lines.
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    const words = para.split(/ +/).filter((w) => w !== '');
    const start = out.length;
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '' && measure(word) <= width) {
        out.push(line);
        line = word;
        continue;
      }
      // The word is wider than a whole line: break it, starting on this line if a fair part fits.
      let rest = word;
      const url = isUrl(word);
      if (line !== '') {
        const prefix = `${line} `;
        const n = width - measure(prefix) >= width * 0.25 ? fitChunk(prefix, rest, width, measure, url) : 0;
        if (n > 0) {
          out.push(prefix + rest.slice(0, n));
          rest = rest.slice(n);
        } else {
          out.push(line);
        }
        line = '';
      }
      for (;;) {
        const n = fitChunk('', rest, width, measure, url);
        if (n >= rest.length) break;
        out.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    if (line !== '' || out.length === start) out.push(line);
  }
  return out;
}

/** Cuts text to fit `width` on one line, ending in "…" when cut. */
export function truncateText(text: string, width: number, measure: Measure): string {
  if (measure(text) <= width) return text;
  const g = graphemes(text);
  let lo = 0;
  let hi = g.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${g.slice(0, mid).join('')}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${g.slice(0, lo).join('').trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------
// Right-to-left text

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EEFF}]/u;
const STRONG_CHAR = /\p{L}/u;

type Dir = 'L' | 'R' | 'N';

function dirOfWord(word: string): Dir {
  for (const ch of word) {
    if (RTL_CHAR.test(ch)) return 'R';
    if (STRONG_CHAR.test(ch)) return 'L';
  }
  return 'N';
}

export function hasRtl(text: string): boolean {
  return RTL_CHAR.test(text);
}

/** Direction of a paragraph: that of its first strongly directional character (UAX #9, P2-P3). */
export function paragraphDirection(text: string): 'ltr' | 'rtl' {
  for (const ch of text) {
    if (RTL_CHAR.test(ch)) return 'rtl';
    if (STRONG_CHAR.test(ch)) return 'ltr';
  }
  return 'ltr';
}

/**
 * One line in visual (left-to-right drawing) order, at word granularity: a simplified UAX #9.
 * pdfkit shapes each space-separated word on its own and fontkit already draws an Arabic or
 * Hebrew word right to left, so what is left is the order of the words: a run of right-to-left
 * words is reversed, and in a right-to-left paragraph the whole line is too. Neutral words
 * (numbers, punctuation) take the direction around them. A word mixing both scripts is left as
 * fontkit shapes it. Lines without right-to-left characters come back unchanged.
 */
export function visualOrder(line: string, base: 'ltr' | 'rtl'): string {
  if (!hasRtl(line)) return line;
  const words = line.split(' ');
  const dirs = words.map(dirOfWord);
  const baseDir: Dir = base === 'rtl' ? 'R' : 'L';
  const resolved: Dir[] = dirs.map((d, i) => {
    if (d !== 'N') return d;
    let prev: Dir = baseDir;
    for (let j = i - 1; j >= 0; j--)
      if (dirs[j] !== 'N') {
        prev = dirs[j] as Dir;
        break;
      }
    let next: Dir = baseDir;
    for (let j = i + 1; j < dirs.length; j++)
      if (dirs[j] !== 'N') {
        next = dirs[j] as Dir;
        break;
      }
    return prev === next ? prev : baseDir;
  });
  // embedding levels: LTR base -> L=0, R=1; RTL base -> R=1, L=2
  const levels = resolved.map((d) => (base === 'ltr' ? (d === 'R' ? 1 : 0) : d === 'R' ? 1 : 2));
  const max = Math.max(...levels);
  const order = words.map((_, i) => i);
  for (let level = max; level >= 1; level--) {
    let i = 0;
    while (i < order.length) {
      if ((levels[order[i] ?? 0] ?? 0) >= level) {
        let j = i;
        while (j + 1 < order.length && (levels[order[j + 1] ?? 0] ?? 0) >= level) j++;
        const run = order.slice(i, j + 1).reverse();
        order.splice(i, run.length, ...run);
        i = j + 1;
      } else i++;
    }
  }
  return order.map((i) => words[i]).join(' ');
}
