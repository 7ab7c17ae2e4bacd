import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OUTPUT_HIGH_WATER,
  THUMBNAIL_LOOKAHEAD,
  renderReportPdf,
  WAITING_FOR_READER,
  type PdfOptions,
} from '../../../electron/core/report/pdf';
import type { ReportData, ReportEvidence } from '../../../electron/common/report-json';
import { LONG_URL, reportData, thumbnailFor } from './pdf-fixture';

// Needs poppler-utils (pdftotext, pdfinfo) on the machine: apt-get install -y poppler-utils
const fontsDir = path.resolve('resources/fonts');
const NOW = new Date('2026-11-28T04:00:00Z');
let dir = '';

function havePoppler(): boolean {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

beforeAll(() => {
  if (!havePoppler())
    throw new Error('these tests need poppler-utils (pdftotext, pdfinfo): apt-get install -y poppler-utils');
  dir = mkdtempSync(path.join(tmpdir(), 'jejak-pdf-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function renderToFile(data: ReportData, name: string, opts: Partial<PdfOptions> = {}): Promise<string> {
  const file = path.join(dir, name);
  await pipeline(
    renderReportPdf(data, { fontsDir, thumbnail: thumbnailFor, now: NOW, ...opts }),
    createWriteStream(file),
  );
  return file;
}

function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

function pdftext(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('renderReportPdf', () => {
  it('renders the request in Bahasa Indonesia', async () => {
    const data = reportData({ language: 'id', evidence: 5 });
    const file = await renderToFile(data, 'id.pdf');
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const info = pdfinfo(file);
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(info.Title).toBe('Permintaan Penurunan Konten JJK/2026/11/0042');
    expect(info.Author).toBe(data.unit);
    expect(info.Subject).toBe(data.case.title);
    expect(info.CreationDate).toMatch(/^2026-11-28T04:00:00/);

    const text = pdftext(file);
    expect(text).toContain('JJK/2026/11/0042');
    expect(text).toContain('DIREKTORAT PENGENDALIAN KONTEN RADIKAL');
    expect(text).toContain('PERMINTAAN PENURUNAN KONTEN');
    expect(text).toContain('28 November 2026');
    expect(text).toContain('29 November 2026 pukul 04.00 UTC');
    expect(text).toContain('Mendesak');
    const item = data.evidence[2] as ReportEvidence;
    expect(squash(text)).toContain(item.sha256);
    expect(squash(text)).toContain(item.sha512);
    expect(text).toContain(item.file);
    expect(squash(text)).toContain(squash(LONG_URL));
    expect(text).toContain('Канал новостей');
    expect(text).toContain('Rina Pratiwi');
    expect(text).toContain('Ed25519');
    expect(text).toContain('sha256sum -c tagmanifest-sha256.txt');
    // the signer's fingerprint in groups of 4
    const fp = data.analyst.fingerprint;
    expect(text).toContain(`${fp.slice(0, 4)} ${fp.slice(4, 8)} ${fp.slice(8, 12)}`);
    // a bidi override in a title is shown, not obeyed
    expect(text).toContain('[U+202E]');

    expect(pdftext(file, 1)).toContain(`Halaman 1 dari ${pages}`);
    expect(pdftext(file, pages)).toContain(`Halaman ${pages} dari ${pages}`);
    for (let p = 1; p <= pages; p++) expect(pdftext(file, p)).toContain('Ref. JJK/2026/11/0042');
  });

  it('renders the request in English', async () => {
    const data = reportData({ language: 'en', evidence: 5 });
    const file = await renderToFile(data, 'en.pdf');
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = Number(pdfinfo(file).Pages);
    const text = pdftext(file);
    expect(text).toContain('CONTENT TAKEDOWN REQUEST');
    expect(text).toContain('JJK/2026/11/0042');
    expect(text).toContain(data.unit);
    expect(text).toContain('29 November 2026, 04:00 UTC');
    expect(text).toContain('Urgent');
    const item = data.evidence[0] as ReportEvidence;
    expect(squash(text)).toContain(item.sha256);
    expect(squash(text)).toContain(item.sha512);
    expect(pdftext(file, 1)).toContain(`Page 1 of ${pages}`);
    expect(text).not.toContain('Halaman');
  });

  it('keeps every word inside the page margins, however long the unbroken string', async () => {
    const data = reportData({ evidence: 3 });
    const ev = data.evidence[0] as ReportEvidence;
    ev.notes = `${'y'.repeat(3000)} ${'عربي'.repeat(200)}`;
    ev.sourceUrl = `https://example.org/${'%E2%80%AE'.repeat(200)}`;
    data.case.legalBasis = 'z'.repeat(5000);
    data.case.reference = 'JJK/2026/11/0042';
    const file = await renderToFile(data, 'long.pdf');
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map(
      (m) => m.slice(1).map(Number),
    );
    expect(words.length).toBeGreaterThan(100);
    for (const [xMin, yMin, xMax, yMax] of words as number[][]) {
      expect(xMin).toBeGreaterThanOrEqual(49);
      expect(xMax).toBeLessThanOrEqual(595.28 - 49);
      expect(yMin).toBeGreaterThanOrEqual(20);
      expect(yMax).toBeLessThanOrEqual(841.89 - 20);
    }
    const text = pdftext(file);
    expect(text).toContain('z'.repeat(60));
    expect(text.replace(/zip/g, '').match(/z/g)?.length).toBe(5000);
  });

  it('renders 200 evidence items with a sane page count', async () => {
    const data = reportData({ evidence: 200 });
    const file = await renderToFile(data, 'big.pdf');
    const pages = Number(pdfinfo(file).Pages);
    expect(pages).toBeGreaterThan(200 / 6);
    expect(pages).toBeLessThan(200 + 5);
    const last = pdftext(file, pages);
    expect(last).toContain(`Halaman ${pages} dari ${pages}`);
    expect(squash(pdftext(file))).toContain((data.evidence[199] as ReportEvidence).sha512);
  });

  it('gives the same bytes for the same input', async () => {
    const data = reportData({ evidence: 3 });
    const a = readFileSync(await renderToFile(data, 'a.pdf'));
    const b = readFileSync(await renderToFile(data, 'b.pdf'));
    expect(a.equals(b)).toBe(true);
  });

  it('shows a placeholder for preview bytes it cannot decode, and carries on', async () => {
    const data = reportData({ evidence: 2 });
    const file = await renderToFile(data, 'bad-thumb.pdf', {
      thumbnail: async () => Buffer.from('not an image at all'),
    });
    const text = pdftext(file);
    expect(squash(text)).toContain(squash('Pratinjau tidak dapat ditampilkan'));
    expect(squash(text)).toContain((data.evidence[1] as ReportEvidence).sha256);
  });

  it('fails the stream when the thumbnail source fails', async () => {
    const data = reportData({ evidence: 4 });
    const stream = renderReportPdf(data, {
      fontsDir,
      now: NOW,
      thumbnail: async (e) => {
        if (e.seq === 3) throw new Error('vault locked');
        return null;
      },
    });
    await expect(pipeline(stream, createWriteStream(path.join(dir, 'fail.pdf')))).rejects.toThrow('vault locked');
  });

  it('refuses a fonts folder without the fonts', () => {
    expect(() => renderReportPdf(reportData(), { fontsDir: dir, thumbnail: thumbnailFor })).toThrow(/font not found/);
  });

  it('renders a report without channels or evidence', async () => {
    const data = reportData({ evidence: 0 });
    data.channels = [];
    const file = await renderToFile(data, 'empty.pdf');
    const text = pdftext(file);
    expect(text).toContain('Tidak ada kanal dalam permintaan ini.');
    expect(text).toContain('Tidak ada bukti dalam permintaan ini.');
    expect(text).toContain('Halaman 1 dari');
  });

  it('stops drawing while the output is not read, and asks for a few thumbnails ahead', async () => {
    const noise = await sharp(Buffer.from(Array.from({ length: 400 * 400 * 3 }, (_, i) => (i * 7919) % 251)), {
      raw: { width: 400, height: 400, channels: 3 },
    })
      .png()
      .toBuffer();
    const data = reportData({ evidence: 120 });
    let requested = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    /** the most output left unread when a thumbnail was asked for */
    let maxUnread = 0;
    let askedForAll!: () => void;
    const allAsked = new Promise<void>((resolve) => (askedForAll = resolve));
    const stream: Readable = renderReportPdf(data, {
      fontsDir,
      now: NOW,
      thumbnail: async () => {
        if (++requested === data.evidence.length) askedForAll();
        maxUnread = Math.max(maxUnread, stream.readableLength);
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await new Promise(setImmediate); // the preview arrives later, as it does from the vault
        inFlight--;
        return noise;
      },
    });
    // Nobody reads yet: drawing must stop for the reader before it has asked for every preview.
    const paused = await Promise.race([once(stream, WAITING_FOR_READER).then(() => true), allAsked.then(() => false)]);
    expect(paused, 'drew to the end with nobody reading').toBe(true);
    expect(stream.readableLength).toBeGreaterThan(OUTPUT_HIGH_WATER);
    expect(requested).toBeGreaterThan(0);
    expect(requested).toBeLessThan(data.evidence.length);
    // reading resumes drawing to the end, never more than the limit ahead of the reader
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(requested).toBe(data.evidence.length);
    expect(maxUnread).toBeLessThanOrEqual(OUTPUT_HIGH_WATER);
    expect(maxInFlight).toBeLessThanOrEqual(THUMBNAIL_LOOKAHEAD + 1);
    expect(Buffer.concat(chunks).subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('stops asking for thumbnails once the reader destroys the stream', async () => {
    const data = reportData({ evidence: 300 });
    let requested = 0;
    let reachedTwenty!: () => void;
    const twenty = new Promise<void>((resolve) => (reachedTwenty = resolve));
    const stream = renderReportPdf(data, {
      fontsDir,
      now: NOW,
      // Items without a preview: drawing one and asking for the next then runs on promise callbacks
      // alone, so a drawing loop that ignored the destroyed stream would finish before the next turn.
      thumbnail: async () => {
        if (++requested === 20) reachedTwenty();
        return null;
      },
    });
    stream.resume();
    await twenty;
    stream.destroy();
    const atDestroy = requested;
    await once(stream, 'close');
    await new Promise(setImmediate);
    expect(requested).toBeLessThanOrEqual(atDestroy + THUMBNAIL_LOOKAHEAD + 1); // at most those already asked for ahead
    expect(requested).toBeLessThan(data.evidence.length);
  });
});
