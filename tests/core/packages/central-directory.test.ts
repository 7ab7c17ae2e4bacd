import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipWriter } from '../../../electron/core/packages/zip-write';
import { cleanTempDirs, tempDir } from './helpers';
import { readZip, sh } from './zip-tools';

afterAll(cleanTempDirs);

// The central directory is kept as bytes in 64 KiB pieces: 2,000 entries of about 100 bytes each fill several.
describe('a ZIP whose central directory spans several of its pieces', () => {
  it('lists every entry, in order, with its bytes, for yauzl and for unzip', async () => {
    const path = join(tempDir(), 'many.zip');
    const handle = await open(path, 'w');
    const names = Array.from(
      { length: 2_000 },
      (_, i) => `bag/data/evidence/${String(i).padStart(5, '0')}-${'x'.repeat(i % 97)}.txt`,
    );
    try {
      const zip = new ZipWriter(handle, new Date('2026-12-06T10:00:00Z'));
      for (const [i, name] of names.entries()) await zip.addBuffer(name, Buffer.from(`entry ${i}\n`));
      await zip.finish();
    } finally {
      await handle.close();
    }
    const entries = await readZip(path);
    expect(entries.map((e) => e.name)).toEqual(names);
    expect(entries.map((e) => e.data.toString())).toEqual(names.map((_, i) => `entry ${i}\n`));
    const tested = sh(`unzip -tqq ${JSON.stringify(path)}`, tempDir());
    expect(tested).toEqual({ code: 0, out: '' });
  });
});
