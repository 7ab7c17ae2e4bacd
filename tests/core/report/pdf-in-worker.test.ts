import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type PdfInWorkerOptions,
  startReportPdfInWorker,
  type ThumbnailReader,
} from '../../../electron/core/report/pdf-in-worker';
import { renderReportPdf } from '../../../electron/core/report/pdf';
import { type EvidenceList, PackedItems } from '../../../electron/core/report/packed-items';
import { serialize } from 'node:v8';
import type { PdfSpool } from '../../../electron/core/report/pdf-spool';
import type { ReportData } from '../../../electron/common/report-json';
import { reportData, thumbnailFor } from './pdf-fixture';

// The export draws its PDF on a worker thread; what comes out must be the PDF drawn in-thread.
const fontsDir = path.resolve('resources/fonts');
const NOW = new Date('2026-11-28T04:00:00Z');
const emptyDir = mkdtempSync(path.join(tmpdir(), 'jejak-pdf-worker-'));
afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

/** The drawing started and handed its report at once (the export hands it over once it is made). */
function drawReportPdfInWorker(
  report: ReportData,
  opts: PdfInWorkerOptions & { thumbnail: ThumbnailReader },
): Promise<PdfSpool> {
  const drawing = startReportPdfInWorker(opts);
  void drawing.draw(report, opts.thumbnail);
  return drawing.spool;
}

/** The fixture's preview of item `seq`, as the export reads one by its number. */
const thumbnailOf = (seq: number) => thumbnailFor(reportData().evidence[seq - 1]!);

async function inThread(data = reportData(), evidence?: EvidenceList): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of renderReportPdf(data, { fontsDir, thumbnail: thumbnailFor, now: NOW, evidence }))
    parts.push(part as Buffer);
  return Buffer.concat(parts);
}

async function spooled(spool: PdfSpool): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of spool.chunks()) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

/** This process's report spools in the temp folder (vitest runs each test file in a process of its own). */
const spoolFolders = () =>
  readdirSync(tmpdir())
    .filter((n) => n.startsWith(`jejak-spool-${process.pid}-`))
    .map((n) => path.join(tmpdir(), n));

/** A failed drawing removes what it spooled (once the writes queued before the failure end). */
async function noSpoolLeft(): Promise<void> {
  for (let i = 0; i < 40 && spoolFolders().length > 0; i++) await sleep(50);
  expect(spoolFolders()).toEqual([]);
}

describe('startReportPdfInWorker', () => {
  it('draws the same bytes as the in-thread renderer, thumbnails fetched from this thread and moved to it', async () => {
    const asked: number[] = [];
    const handed: Buffer[] = [];
    const spool = await drawReportPdfInWorker(reportData(), {
      fontsDir,
      now: NOW,
      thumbnail: async (seq) => {
        asked.push(seq);
        const bytes = await thumbnailOf(seq);
        if (!bytes) return null;
        // a buffer that is the whole of its memory, as a preview read from the vault is (the
        // fixture keeps one preview for many items)
        const own = Buffer.from(new Uint8Array(bytes).buffer);
        handed.push(own);
        return own;
      },
    });
    // read the way an export does, after the evidence: once the drawing thread has ended
    await sleep(500);
    const pdf = await spooled(spool);
    expect(spool.size).toBe(pdf.length);
    // hashed as drawn, on the drawing thread: the package's manifests take these
    expect([spool.sha256, spool.sha512]).toEqual(
      ['sha256', 'sha512'].map((a) => createHash(a).update(pdf).digest('hex')),
    );
    // it waits in a sealed scratch file (pdf-spool.test.ts), gone once disposed of
    expect(spoolFolders()).toHaveLength(1);
    await spool.dispose();
    expect(spoolFolders()).toEqual([]);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.equals(await inThread())).toBe(true);
    expect(asked).toEqual(reportData().evidence.map((e) => e.seq));
    // moved, not copied: each is empty here
    expect(handed.length).toBeGreaterThan(0);
    expect(handed.map((b) => b.length)).toEqual(handed.map(() => 0));
  });

  it('draws from its own copy of the report: the caller may let go of it at once', async () => {
    const report = reportData();
    const drawing = drawReportPdfInWorker(report, { fontsDir, now: NOW, thumbnail: thumbnailOf });
    // what an export does once the drawing has begun: the items' details are not kept for it
    report.evidence.length = 0;
    report.channels.length = 0;
    const spool = await drawing;
    try {
      expect((await spooled(spool)).equals(await inThread())).toBe(true);
    } finally {
      await spool.dispose();
    }
  });

  it('draws a report whose items come in several messages as the in-thread renderer does', async () => {
    const many = reportData({ evidence: 1_201 }); // three messages of items
    const spool = await drawReportPdfInWorker(many, { fontsDir, now: NOW, thumbnail: async () => null });
    try {
      const parts: Buffer[] = [];
      for await (const part of renderReportPdf(reportData({ evidence: 1_201 }), {
        fontsDir,
        thumbnail: async () => null,
        now: NOW,
      }))
        parts.push(part as Buffer);
      expect((await spooled(spool)).equals(Buffer.concat(parts))).toBe(true);
    } finally {
      await spool.dispose();
    }
  }, 60_000);

  it('draws the same PDF from items held packed, as the drawing thread holds them, and lets go of drawn batches', async () => {
    const data = reportData();
    const items = new PackedItems();
    const batches = [data.evidence.slice(0, 2), data.evidence.slice(2)];
    const sent = batches.map((batch) => serialize(batch));
    for (const [i, batch] of batches.entries()) items.add(sent[i]!, batch.length);
    expect(items.length).toBe(data.evidence.length);
    // the serialized bytes are the holder's, given back once deflated
    expect(sent.map((b) => b.byteLength)).toEqual([0, 0]);
    expect((await inThread({ ...data, evidence: [] }, items)).equals(await inThread())).toBe(true);
  });

  it('unpacks a batch when first read, and lets go of it once reading is two batches on', () => {
    const data = reportData({ evidence: 7 });
    const items = new PackedItems();
    for (let from = 0; from < 7; from += 2) {
      const batch = data.evidence.slice(from, from + 2);
      items.add(serialize(batch), batch.length);
    }
    expect([0, 1, 2, 3, 4].map((i) => items.at(i))).toEqual(data.evidence.slice(0, 5));
    expect(items.at(3)).toEqual(data.evidence[3]); // the batch before the one read last stays
    expect(items.at(6)).toEqual(data.evidence[6]);
    expect(() => items.at(0)).toThrow(/item 1 was read after it was let go of/);
    expect([items.at(-1), items.at(7)]).toEqual([undefined, undefined]);
  });

  it('refuses at once when a font is missing, before any thread starts', () => {
    expect(() => drawReportPdfInWorker(reportData(), { fontsDir: emptyDir, thumbnail: thumbnailOf })).toThrow(
      /font not found/,
    );
  });

  it('says which folder it cannot keep the report in when the temporary folder is gone', async () => {
    const before = process.env.TMPDIR;
    const missing = path.join(emptyDir, 'no-such-folder');
    process.env.TMPDIR = missing;
    try {
      const drawing = drawReportPdfInWorker(reportData(), { fontsDir, thumbnail: thumbnailOf });
      await expect(drawing).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: `The folder ${missing} does not exist.`,
      });
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });

  it("fails with the thumbnail reader's error", async () => {
    const drawing = drawReportPdfInWorker(reportData(), {
      fontsDir,
      thumbnail: () => Promise.reject(new Error('the vault was locked')),
    });
    await expect(drawing).rejects.toThrow('the vault was locked');
    await noSpoolLeft();
  });

  it('stops when the export is cancelled', async () => {
    const cancel = new AbortController();
    const drawing = drawReportPdfInWorker(reportData(), {
      fontsDir,
      signal: cancel.signal,
      thumbnail: (seq) => {
        cancel.abort();
        return thumbnailOf(seq);
      },
    });
    await expect(drawing).rejects.toMatchObject({ code: 'CANCELLED' });
    await noSpoolLeft();
  });
});
