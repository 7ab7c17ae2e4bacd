import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spooledText } from '../../../electron/core/packages/spooled-text';

const spoolFiles = () =>
  readdirSync(tmpdir())
    .filter((n) => n.startsWith(`jejak-spool-${process.pid}-`))
    .map((n) => path.join(tmpdir(), n, 'text.sealed'));

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return chunks;
}

describe('a payload text sealed on disk until the package writer reads it (report.json, notice.json)', () => {
  it('gives back the text as made, in buffers of its own, keeps none of it in clear on disk, and leaves nothing once disposed of', async () => {
    const marker = `JEJAK-CLEAR-MARKER-${randomBytes(8).toString('hex')}`;
    // several of the scratch file's 256 KiB pages, with characters of two to four bytes across their edges
    const pieces = Array.from({ length: 12_000 }, (_, i) => `{"item": ${i}, "judul": "Kanal ř 🙂 ${marker}"},\n`);
    const expected = Buffer.from(pieces.join(''), 'utf8');
    const text = await spooledText(function* () {
      yield* pieces;
    });
    expect(text.size).toBe(expected.length);
    const [file] = spoolFiles();
    const sealed = readFileSync(file!);
    expect(sealed.length).toBeGreaterThan(2 * 256 * 1024); // all but the page still being filled
    expect(sealed.includes(marker)).toBe(false);
    const chunks = await readAll(text.open());
    expect(Buffer.concat(chunks).equals(expected)).toBe(true);
    // each chunk owns its memory: the package writer gives it back once written
    expect(chunks.every((c) => c.byteOffset === 0 && c.byteLength === c.buffer.byteLength)).toBe(true);
    expect(() => text.open()).toThrow(/read twice/);
    await text.dispose();
    expect(spoolFiles()).toEqual([]);
  });

  it('leaves no sealed copy behind when the text cannot be made', async () => {
    const failing = spooledText(async function* () {
      yield 'x'.repeat(300_000);
      throw new Error('the vault was locked');
    });
    await expect(failing).rejects.toThrow('the vault was locked');
    expect(spoolFiles()).toEqual([]);
  });

  it('holds an empty text as nothing', async () => {
    const text = await spooledText(() => []);
    expect(text.size).toBe(0);
    expect(await readAll(text.open())).toEqual([]);
    await text.dispose();
  });
});
