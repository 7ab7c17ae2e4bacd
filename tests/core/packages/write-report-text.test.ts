import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { writePackage } from '../../../electron/core/packages';
import { DigestStream } from '../../../electron/core/packages/digest';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from './helpers';

afterEach(cleanTempDirs);

const now = new Date('2026-11-28T04:00:00.123Z');

const text = 'Kanal “Jihad” — دعوة 🙂 ñ';

describe('report.json, checked from the bytes written', () => {
  it('is read back as the text it is when its characters arrive split across chunks', async () => {
    const bytes = Buffer.from(JSON.stringify({ title: text }));
    const through = new DigestStream({ keepUpTo: 1 << 20 });
    await pipeline(
      Readable.from([...bytes].map((b) => Buffer.of(b))),
      through,
      new Writable({ write: (_chunk, _encoding, done) => done() }),
    );
    const reportText = through.takeKept();
    expect(reportText()).toBe(JSON.stringify({ title: text }));
    expect(reportText()).toBe('');
    expect(through.takeKept()()).toBe('');
  });

  it('refuses a report whose bytes are not UTF-8 JSON, split or not', async () => {
    const sample = sampleInput(makeSigner('analyst'));
    const bytes = Buffer.concat([
      Buffer.from('{"format": "jejak-report/1", "x": "'),
      Buffer.of(0xe2, 0x80),
      Buffer.from('"'),
    ]);
    sample.input.payload[1] = { path: 'report.json', size: bytes.length, open: () => Readable.from([bytes]) };
    await expect(writePackage(sample.input, join(tempDir(), 'p.zip'), { now })).rejects.toThrow(
      'report.json is not JSON',
    );
  });
});
