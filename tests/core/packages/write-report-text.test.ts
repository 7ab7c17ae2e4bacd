import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { writePackage } from '../../../electron/core/packages';
import { DigestStream } from '../../../electron/core/packages/digest';
import { ReleasingDeflateRaw } from '../../../electron/core/packages/releasing-deflate';
import { streamedText } from '../../../electron/core/streamed-text';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from './helpers';
import { collectGarbageNow } from '../../fixtures/collect-garbage';

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
    expect([...reportText()].join('')).toBe(JSON.stringify({ title: text }));
    expect([...reportText()].join('')).toBe('');
    expect([...through.takeKept()()].join('')).toBe('');
  });

  it('keeps its own copy: the chunks it passed on may be given back once written', async () => {
    const whole = JSON.stringify({ title: text, items: Array.from({ length: 3000 }, (_, i) => ({ seq: i + 1 })) });
    const chunks = [0, 20_000, 50_000].map((at, i, starts) =>
      Buffer.from(Buffer.from(whole).subarray(at, starts[i + 1] ?? whole.length)),
    );
    const through = new DigestStream({ keepUpTo: 1 << 20 });
    await pipeline(
      Readable.from(chunks),
      through,
      new ReleasingDeflateRaw({}),
      new Writable({ write: (_chunk, _encoding, done) => done() }),
    );
    expect(chunks.map((c) => c.byteLength)).toEqual([0, 0, 0]);
    expect([...through.takeKept()()].join('')).toBe(whole);
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

  it('lets go of what report.json was made from once it is written, while the rest of the package is', async () => {
    const sample = sampleInput(makeSigner('analyst'));
    const reportAt = sample.input.payload.findIndex((f) => f.path === 'report.json');
    const { text, madeFrom } = await textMadeFrom(sample.files.get('report.json')!.toString('utf8'));
    sample.input.payload[reportAt] = { path: 'report.json', ...text };
    // written after report.json: by then the report is garbage, and collected
    const custodyAt = sample.input.payload.findIndex((f) => f.path === 'custody.jsonl');
    const custody = sample.files.get('custody.jsonl')!;
    let reportHeld: boolean | undefined;
    sample.input.payload[custodyAt] = {
      path: 'custody.jsonl',
      size: custody.length,
      open: () => {
        collectGarbageNow();
        reportHeld = madeFrom.deref() !== undefined;
        return Readable.from([custody]);
      },
    };
    await writePackage(sample.input, join(tempDir(), 'p.zip'), { now });
    expect(reportHeld).toBe(false);
  });
});

/** A payload text made from an object that nothing but the text's own source holds, and a weak reference to it. */
async function textMadeFrom(json: string) {
  const report = { json };
  const text = await streamedText(async function* () {
    yield report.json;
  });
  return { text, madeFrom: new WeakRef(report) };
}
