import { Readable } from 'node:stream';
import { JejakError } from './errors';
import { TurnBudget } from './in-turns';

/**
 * Characters gathered from the pieces into one buffer of the stream: small enough that the process's
 * allocator serves each from memory it reuses. The whole texts, as buffers of their own (made by
 * doubling, up to 8 MB at 10,000 items), were given back to the system once written, and glibc then
 * served every allocation up to that size from memory it keeps (its mmap threshold follows the
 * largest block freed): 46 MiB of it against 28 now, for the same export.
 */
const PIECE_CHARS = 64 * 1024;

/** A text file of a package's payload (report.json, notice.json, custody.jsonl): its byte count, and a stream of its bytes. */
export interface StreamedText {
  size: number;
  open(): Readable;
  /** each buffer of the stream is made for it alone: the package writer gives it back once written */
  releasable: true;
}

/**
 * The text that `pieces()` gives, made twice and never held whole: once to count its UTF-8 bytes
 * (the ZIP entry's header and the progress need the size first), once as the package writer reads
 * it. `pieces` must give the same text each time: the writer checks the byte count. Held whole, the
 * texts of a 10,000-item case were 20 MB from the moment they were made until written; with the
 * collection after them (giveBackHeap), that export peaked at 198-201 MiB against 199-209 with
 * the texts whole (3 runs each, alternated).
 */
export async function streamedText(pieces: () => AsyncIterable<string> | Iterable<string>): Promise<StreamedText> {
  let size = 0;
  // a turn whenever the thread has been held 20 ms: at 20,000 items custody.jsonl's lines were
  // counted in one run of 28 ms
  const budget = new TurnBudget(20);
  for await (const piece of pieces()) {
    size += Buffer.byteLength(piece, 'utf8');
    if (budget.due()) await budget.take();
  }
  // let go of once opened: what the pieces are made from (a report of 10,000 items) goes with the stream
  let source: typeof pieces | null = pieces;
  return {
    size,
    releasable: true,
    open: () => {
      if (!source) throw new JejakError('INTERNAL', 'A payload text was read twice.');
      const stream = Readable.from(inBuffers(source()), { highWaterMark: 1 });
      source = null;
      return stream;
    },
  };
}

/** The pieces' UTF-8 in buffers of about PIECE_CHARS characters, each new (its taker may release it). */
export async function* inBuffers(pieces: AsyncIterable<string> | Iterable<string>): AsyncGenerator<Buffer> {
  let gathered: string[] = [];
  let chars = 0;
  // A turn as in the counting pass: the writer takes buffers as fast as they come (in microtasks, with no
  // turn between), and custody.jsonl's lines, read from the vault as they are written, held the thread
  // 84-126 ms at 10,000 items.
  const budget = new TurnBudget(20);
  for await (const piece of pieces) {
    if (budget.due()) await budget.take();
    gathered.push(piece);
    chars += piece.length;
    if (chars < PIECE_CHARS) continue;
    yield Buffer.from(gathered.join(''), 'utf8');
    gathered = [];
    chars = 0;
  }
  if (chars > 0) yield Buffer.from(gathered.join(''), 'utf8');
}
