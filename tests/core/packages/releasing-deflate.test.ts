import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ReleasingDeflateRaw } from '../../../electron/core/packages/releasing-deflate';

async function deflated(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      out.push(Buffer.from(chunk));
      callback();
    },
  });
  await pipeline(Readable.from(chunks), new ReleasingDeflateRaw({ chunkSize: 1 << 16 }), sink);
  return Buffer.concat(out);
}

describe('ReleasingDeflateRaw', () => {
  it('deflates what it is given and gives each chunk that owns its memory back once compressed', async () => {
    // text-like and random chunks, each larger than zlib's output chunk, so one input spans several outputs
    const chunks = Array.from({ length: 6 }, (_, i) =>
      i % 2 ? randomBytes(200_000) : Buffer.from(`{"item": ${i}, "text": "${'kata '.repeat(40_000)}"}\n`),
    );
    const expected = Buffer.concat(chunks);
    const out = await deflated(chunks);
    expect(inflateRawSync(out).equals(expected)).toBe(true);
    // released: detached, the memory gone with it
    for (const chunk of chunks) expect(chunk.byteLength).toBe(0);
  });

  it('leaves a chunk that is a view of a larger buffer untouched (its memory is not the stream’s to give)', async () => {
    const whole = randomBytes(300_000);
    const views = [whole.subarray(0, 100_000), whole.subarray(100_000)];
    const out = await deflated(views);
    expect(inflateRawSync(out).equals(whole)).toBe(true);
    expect(whole.byteLength).toBe(300_000);
    expect(views.map((v) => v.byteLength)).toEqual([100_000, 200_000]);
  });
});
