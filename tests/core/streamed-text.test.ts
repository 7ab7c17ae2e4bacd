import { describe, expect, it } from 'vitest';
import { isJejakError } from '../../electron/core/errors';
import { streamedText } from '../../electron/core/streamed-text';

async function read(stream: NodeJS.ReadableStream): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return chunks;
}

describe('streamedText (a payload text never held whole)', () => {
  const lines = Array.from({ length: 5000 }, (_, i) => `{"seq":${i},"title":"Kanal “${i}” — دعوة 🙂"}\n`);

  it('gives its UTF-8 byte count first, then exactly those bytes, in pieces of about 64 KiB', async () => {
    const text = await streamedText(() => lines);
    const whole = Buffer.from(lines.join(''), 'utf8');
    expect(text.size).toBe(whole.length);
    const chunks = await read(text.open());
    expect(Buffer.concat(chunks).equals(whole)).toBe(true);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(512 * 1024);
  });

  it('gives the event loop turns while it is read, however slowly its pieces are made', async () => {
    // 40 pieces of 5 ms each, as custody.jsonl's lines are when each page of them is read from the vault
    const slowly = function* () {
      for (let i = 0; i < 40; i++) {
        const until = performance.now() + 5;
        while (performance.now() < until);
        yield `${'x'.repeat(1000)}\n`;
      }
    };
    const text = await streamedText(slowly);
    let turns = 0;
    let timer = setTimeout(function tick() {
      turns++;
      timer = setTimeout(tick, 0);
    }, 0);
    await read(text.open());
    clearTimeout(timer);
    // 200 ms of making, a turn at least every 20 ms (none without: the reader takes buffers in microtasks)
    expect(turns).toBeGreaterThanOrEqual(5);
  });

  it('makes its pieces again when read, from an async source as well', async () => {
    let made = 0;
    const text = await streamedText(async function* () {
      made++;
      yield* lines;
    });
    expect(made).toBe(1);
    const again = Buffer.concat(await read(text.open()));
    expect(made).toBe(2);
    expect(again.length).toBe(text.size);
  });

  it('is read once: a second read is a fault of the writer, not an empty file', async () => {
    const text = await streamedText(() => ['x']);
    await read(text.open());
    let caught: unknown;
    try {
      text.open();
    } catch (e) {
      caught = e;
    }
    expect(isJejakError(caught) && caught.code).toBe('INTERNAL');
  });
});
