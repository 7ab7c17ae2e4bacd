import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JejakError } from '../../../electron/core/errors';
import { packageFileName, verifyPackage, writePackage } from '../../../electron/core/packages';
import type { LaterBytes } from '../../../electron/core/packages/write-payload';
import { cleanTempDirs, heldBytes, makeSigner, sampleInput, sha256, tempDir } from './helpers';
import { readZip } from './zip-tools';

afterEach(cleanTempDirs);

const pdf = Buffer.from('%PDF-1.7\n% drawn while the evidence streams\n');

describe('a payload file still being made (the report PDF)', () => {
  it('is drawn while the others stream (in parts, joined in order), written after them without a data descriptor, and keeps its manifest line', async () => {
    const analyst = makeSigner('analyst');
    let drawn!: (bytes: LaterBytes) => void;
    const { input, reference } = sampleInput(analyst, undefined, {
      path: 'report.pdf',
      later: new Promise<LaterBytes>((resolve) => (drawn = resolve)),
    });
    // The drawing ends only once the writer has asked for the last evidence file: had the writer
    // waited for it first, the package would never be written.
    const last = input.payload.at(-1)!;
    if (!last.open) throw new Error('evidence streams');
    const open = last.open;
    input.payload[input.payload.length - 1] = {
      ...last,
      open: () => (drawn(heldBytes(pdf.subarray(0, 9), pdf.subarray(9))), open()),
    };

    const dir = tempDir();
    const result = await writePackage(input, join(dir, packageFileName(reference)));
    const entries = await readZip(result.path, true);
    const names = entries.map((e) => e.name.replace(`${result.name}/`, ''));
    expect(names.indexOf('data/report.pdf')).toBeGreaterThan(names.indexOf(`data/${last.path}`));
    const report = entries.find((e) => e.name.endsWith('data/report.pdf'))!;
    expect(report.data).toEqual(pdf);
    expect((report.flags ?? 0) & 0x0008).toBe(0);
    const manifest = entries.find((e) => e.name.endsWith('/manifest-sha256.txt'))!.data.toString();
    expect(manifest.split('\n')[0]).toBe(`${sha256(pdf)}  data/report.pdf`);
    expect((await verifyPackage(result.path)).verdict).toBe('valid-untrusted');
  });

  it('that fails while the others stream fails the package with its error, and leaves nothing behind', async () => {
    const analyst = makeSigner('analyst');
    const failure = new JejakError('INTERNAL', 'The report PDF could not be drawn.');
    const { input, reference } = sampleInput(analyst, undefined, {
      path: 'report.pdf',
      later: Promise.reject(failure),
    });
    const dir = tempDir();
    await expect(writePackage(input, join(dir, packageFileName(reference)))).rejects.toBe(failure);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, packageFileName(reference)))).toBe(false);
  });

  it('whose bytes do not come to the size it was made with fails the package, and leaves nothing behind', async () => {
    const analyst = makeSigner('analyst');
    // the drawing's digests and size, but a chunk short when read back
    const made = heldBytes(pdf);
    const short: LaterBytes = {
      ...made,
      async *chunks() {
        yield pdf.subarray(0, pdf.length - 1);
      },
    };
    const { input, reference } = sampleInput(analyst, undefined, { path: 'report.pdf', later: Promise.resolve(short) });
    const dir = tempDir();
    const failed = await writePackage(input, join(dir, packageFileName(reference))).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(JejakError);
    expect((failed as JejakError).message).toMatch(/report\.pdf gave \d+ bytes/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
