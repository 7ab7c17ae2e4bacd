import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sql } from '../../../electron/core/db/sql';
import { captureFileName, checkCropRegion, intakeCapture } from '../../../electron/core/evidence/capture';
import { getEvidence } from '../../../electron/core/evidence/evidence-repo';
import { openOriginal } from '../../../electron/core/evidence/read-original';
import { POLICY, screenshotPng } from '../../fixtures/catalog';
import { allFiles, newVault } from '../../fixtures/temp';

const hex = (algo: string, b: Buffer) => createHash(algo).update(b).digest('hex');

async function stored(session: Parameters<typeof openOriginal>[0], id: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of openOriginal(session, id).chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

/** Files of exactly these bytes anywhere under dir, changed since `since`: a plaintext copy on disk. */
function copiesUnder(dir: string, bytes: Buffer, since: number): string[] {
  const found: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return found;
  }
  for (const name of names) {
    const path = join(dir, name);
    let info;
    try {
      info = statSync(path);
    } catch {
      continue;
    }
    if (info.isDirectory()) found.push(...copiesUnder(path, bytes, since));
    else if (info.size === bytes.length && info.mtimeMs >= since && readFileSync(path).equals(bytes)) found.push(path);
  }
  return found;
}

function noPlaintextIn(vaultDir: string, bytes: Buffer): void {
  const head = bytes.subarray(0, 64);
  for (const file of allFiles(vaultDir)) {
    expect(file.bytes.includes(head), `${file.path} holds the capture in clear`).toBe(false);
    expect(file.bytes.includes(Buffer.from('IHDR')), `${file.path} holds a PNG header in clear`).toBe(false);
  }
}

describe('screen capture into the vault', () => {
  it('stores the PNG byte-identical with both hashes, the capture time and an audit entry "via capture"', async () => {
    const started = Date.now() - 1000;
    const { session, dir } = await newVault('analis');
    const png = await screenshotPng(41, 1280, 800);
    const now = new Date('2026-11-28T03:15:42.123Z');
    const result = await intakeCapture(
      session,
      POLICY,
      png,
      { notes: 'layar kanal', sourceUrl: 'https://t.me/kanal_uji/12' },
      { now },
    );
    expect(result).toMatchObject({
      sha256: hex('sha256', png),
      sha512: hex('sha512', png),
      size: png.length,
      mediaType: 'image/png',
      duplicate: false,
    });
    expect((await stored(session, result.evidenceId)).equals(png)).toBe(true);
    expect(getEvidence(session, result.evidenceId)).toMatchObject({
      originalName: 'capture-2026-11-28T03-15-42.123Z.png',
      capturedAt: '2026-11-28T03:15:42.123Z',
      capturedAtSource: 'declared',
      width: 1280,
      height: 800,
      notes: 'layar kanal',
      postUrl: 'https://t.me/kanal_uji/12',
    });
    const audit = session.db.get<{ action: string; subject_id: string; details: string }>(
      sql`SELECT action, subject_id, details FROM audit WHERE action = 'evidence.added'`,
    )!;
    expect(audit.subject_id).toBe(String(result.evidenceId));
    expect(JSON.parse(audit.details)).toMatchObject({
      via: 'capture',
      sha256: result.sha256,
      originalName: 'capture-2026-11-28T03-15-42.123Z.png',
    });
    session.close('test');
    noPlaintextIn(dir, png);
    expect(copiesUnder(tmpdir(), png, started)).toEqual([]);
  });

  it('with a region, stores the cropped PNG (and only it)', async () => {
    const started = Date.now() - 1000;
    const { session, dir } = await newVault();
    const png = await screenshotPng(42, 1280, 800);
    const region = { x: 100, y: 40, width: 640, height: 360 };
    const result = await intakeCapture(session, POLICY, png, { region });
    const cropped = await sharp(png).extract({ left: 100, top: 40, width: 640, height: 360 }).png().toBuffer();
    const kept = await stored(session, result.evidenceId);
    expect(kept.equals(cropped)).toBe(true);
    expect(result.sha256).toBe(hex('sha256', cropped));
    expect(getEvidence(session, result.evidenceId)).toMatchObject({ width: 640, height: 360 });
    // The crop is the same pixels, not a resampled copy.
    const [a, b] = await Promise.all([
      sharp(kept).raw().toBuffer(),
      sharp(png).extract({ left: 100, top: 40, width: 640, height: 360 }).raw().toBuffer(),
    ]);
    expect(a.equals(b)).toBe(true);
    expect(session.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM evidence`)!.n).toBe(1);
    session.close('test');
    noPlaintextIn(dir, png);
    noPlaintextIn(dir, cropped);
    expect(copiesUnder(tmpdir(), cropped, started)).toEqual([]);
  });

  it('refuses what is not a PNG and regions outside the image, storing nothing', async () => {
    const { session } = await newVault();
    const png = await screenshotPng(43, 200, 100);
    await expect(intakeCapture(session, POLICY, Buffer.from('GIF89a not a png'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      intakeCapture(session, POLICY, png, { region: { x: 150, y: 0, width: 100, height: 50 } }),
    ).rejects.toThrow(/reaches outside the captured image \(200×100\)/);
    await expect(
      intakeCapture(session, POLICY, Buffer.concat([png.subarray(0, 8), Buffer.alloc(20)]), {
        region: { x: 0, y: 0, width: 1, height: 1 },
      }),
    ).rejects.toThrow(/damaged/);
    expect(session.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM evidence`)!.n).toBe(0);
    session.close('test');
  });

  it('checks crop regions as whole pixels inside the image', () => {
    expect(() => checkCropRegion({ x: 0, y: 0, width: 200, height: 100 }, 200, 100)).not.toThrow();
    for (const bad of [
      { x: -1, y: 0, width: 10, height: 10 },
      { x: 0, y: 0, width: 0, height: 10 },
      { x: 0.5, y: 0, width: 10, height: 10 },
      { x: 0, y: 91, width: 10, height: 10 },
    ]) {
      expect(() => checkCropRegion(bad, 200, 100)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
    expect(captureFileName(new Date('2026-01-02T03:04:05.006Z'))).toBe('capture-2026-01-02T03-04-05.006Z.png');
  });
});
