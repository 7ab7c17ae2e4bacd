import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sql } from '../../../electron/core/db/sql';
import { getEvidence, listEvidence } from '../../../electron/core/evidence/evidence-repo';
import { exportOriginal } from '../../../electron/core/evidence/export-original';
import { openViewable } from '../../../electron/core/evidence/read-original';
import { intakeBytes, intakeFile } from '../../../electron/core/evidence/intake';
import { search } from '../../../electron/core/search/search';
import { POLICY, screenshotPng } from '../../fixtures/catalog';
import { allFiles, newVault, tempDir } from '../../fixtures/temp';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('evidence intake', () => {
  it('keeps the original byte-identical with both hashes, a thumbnail, pixel size and a perceptual hash', async () => {
    const { session } = await newVault();
    const png = await screenshotPng(1);
    const path = join(tempDir(), 'shot.png');
    writeFileSync(path, png);
    const result = await intakeFile(session, POLICY, path, {
      sourceUrl: 'https://t.me/somechannel/55',
      notes: 'rekaman awal',
    });
    expect(result).toMatchObject({ sha256: sha256(png), size: png.length, mediaType: 'image/png', duplicate: false });
    const item = getEvidence(session, result.evidenceId);
    expect(item).toMatchObject({
      width: 480,
      height: 360,
      hasThumbnail: true,
      originalName: 'shot.png',
      capturedAtSource: 'file-time',
      postUrl: 'https://t.me/somechannel/55',
      channelUrl: 'https://t.me/somechannel',
    });
    expect(item.sha512).toBe(createHash('sha512').update(png).digest('hex'));
    expect(item.pdq).toMatch(/^[0-9a-f]{64}$/);
    expect(item.phash).toBeNull(); // PDQ replaced Jejak's own hash: only items taken in before it have one
    const out = join(tempDir(), 'back.png');
    await exportOriginal(session, POLICY, result.evidenceId, out);
    expect(readFileSync(out).equals(png)).toBe(true);
    session.close('test');
  });

  it('links an exact duplicate to the existing item and flags a resized, recompressed copy as a near duplicate', async () => {
    const { session } = await newVault();
    const png = await screenshotPng(2, 800, 600);
    const first = await intakeBytes(session, POLICY, png, { originalName: 'a.png' });
    const again = await intakeBytes(session, POLICY, png, { originalName: 'copy-of-a.png' });
    expect(again).toMatchObject({ duplicate: true, evidenceId: first.evidenceId });
    const smaller = await sharp(png).resize(400).jpeg({ quality: 60 }).toBuffer();
    const near = await intakeBytes(session, POLICY, smaller, { originalName: 'a-small.jpg' });
    expect(near).toMatchObject({ duplicate: false, nearDuplicateOf: first.evidenceId, mediaType: 'image/jpeg' });
    const other = await intakeBytes(session, POLICY, await screenshotPng(99, 800, 600), { originalName: 'b.png' });
    expect(other.nearDuplicateOf).toBeNull();
    expect(session.db.get(sql`SELECT count(*) AS n FROM blobs`)).toEqual({ n: 3 });
    session.close('test');
  });

  it('keeps a .png that is really text as "other", never renderable', async () => {
    const { session } = await newVault();
    const result = await intakeBytes(session, POLICY, Buffer.from('this is not an image\n'), {
      originalName: 'fake.png',
    });
    expect(result.mediaType).toBe('application/octet-stream');
    expect(result.problems.map((p) => p.message).join(' ')).toMatch(/never rendered/);
    expect(openViewable(session, result.evidenceId)).toBeNull();
    expect(getEvidence(session, result.evidenceId).hasThumbnail).toBe(false);
    session.close('test');
  });

  it('refuses a 0-byte file with a clear reason and stores nothing', async () => {
    const { session } = await newVault();
    const path = join(tempDir(), 'empty.png');
    writeFileSync(path, '');
    await expect(intakeFile(session, POLICY, path)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/empty \(0 bytes\)/),
      reason: { key: 'intakeError.empty', params: { name: 'empty.png' } },
    });
    expect(session.db.get(sql`SELECT count(*) AS n FROM evidence`)).toEqual({ n: 0 });
    session.close('test');
  });

  it('keeps a truncated JPEG with a problem noted, without pretending it is whole', async () => {
    const { session } = await newVault();
    const jpeg = await sharp(await screenshotPng(3))
      .jpeg()
      .toBuffer();
    const cut = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    const result = await intakeBytes(session, POLICY, cut, { originalName: 'cut.jpg' });
    expect(result.sha256).toBe(sha256(cut));
    expect(result.problems.map((p) => p.message).join(' ')).toMatch(/truncated|incomplete|end/i);
    // a code and values the window translates, and the same again when the item is read back
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'truncated',
        params: expect.objectContaining({ format: 'JPEG', end: 'jpeg-eoi' }),
      }),
    ]);
    expect(getEvidence(session, result.evidenceId)).toMatchObject({ width: 480, problems: result.problems });
    // an item taken in before problems had codes shows its sentence as it was written
    session.db.run(
      sql`UPDATE evidence SET problems = ${JSON.stringify(['An older sentence.'])} WHERE id = ${result.evidenceId}`,
    );
    expect(getEvidence(session, result.evidenceId).problems).toEqual([{ code: 'text', message: 'An older sentence.' }]);
    session.close('test');
  });

  it('keeps a 20000×20000 PNG (decompression bomb) without decoding it, in bounded memory (its speed: npm run bench -- hostile)', async () => {
    const { session } = await newVault();
    const bomb = await sharp({
      create: { width: 20000, height: 20000, channels: 3, background: '#fff' },
      limitInputPixels: false,
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const before = process.memoryUsage().rss;
    const result = await intakeBytes(session, POLICY, bomb, { originalName: 'bomb.png' });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(result.problems.map((p) => p.message).join(' ')).toMatch(/20000×20000/);
    expect(result.problems[0]).toMatchObject({
      code: 'too-many-pixels',
      params: { width: 20000, height: 20000, megapixels: 400, limit: 100 },
    });
    expect(getEvidence(session, result.evidenceId)).toMatchObject({ width: 20000, height: 20000, hasThumbnail: false });
    session.close('test');
  });

  it('refuses a javascript: source URL before reading the file, and loses nothing else', async () => {
    const { session } = await newVault();
    await intakeBytes(session, POLICY, await screenshotPng(4), { originalName: 'ok.png' });
    await expect(
      intakeBytes(session, POLICY, await screenshotPng(5), { originalName: 'x.png', sourceUrl: 'javascript:alert(1)' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(listEvidence(session.db, { filter: {}, offset: 0, limit: 10 }).total).toBe(1);
    expect(session.db.get(sql`SELECT count(*) AS n FROM blobs`)).toEqual({ n: 1 });
    session.close('test');
  });

  it('streams a 2 GiB file through hashing and encryption in bounded memory', async () => {
    const { session } = await newVault();
    const path = join(tempDir(), 'big.mp4');
    const fd = openSync(path, 'w');
    // An MP4 signature, then zeros: a sparse 2 GiB file costs no disk to make.
    writeSync(fd, Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'));
    writeSync(fd, Buffer.from([0]), 0, 1, 2 * 1024 ** 3 - 1);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const result = await intakeFile(session, POLICY, path);
    clearInterval(timer);
    expect(result).toMatchObject({ size: 2 * 1024 ** 3, mediaType: 'video/mp4' });
    expect(peak - before).toBeLessThan(200 * 1024 * 1024);
    session.close('test');
  }, 300_000);

  it('lets the window answer between files when a caller takes them in one at a time', async () => {
    const { session } = await newVault();
    const dir = tempDir();
    const paths = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const path = join(dir, `shot-${i}.png`);
        writeFileSync(path, await screenshotPng(i, 320, 240));
        return path;
      }),
    );
    // what the window's messages wait for: a timer, which runs only once the thread gives a turn
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const started = performance.now();
    for (const path of paths) await intakeFile(session, POLICY, path, {}, { analyze: false });
    const ms = performance.now() - started;
    clearInterval(timer);
    // at least one turn for each 15 ms the loop held the thread, with room for a slow machine
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(ms / 15 / 2));
    expect(ticks).toBeGreaterThan(0);
    session.close('test');
  });

  it('ties an item to its channel when a source link is set later', async () => {
    const { updateEvidence } = await import('../../../electron/core/evidence/evidence-repo');
    const { session } = await newVault();
    const r = await intakeBytes(session, POLICY, await screenshotPng(12), { originalName: 'later.png' });
    expect(getEvidence(session, r.evidenceId).channelId).toBeNull();
    const updated = updateEvidence(session, POLICY, r.evidenceId, { sourceUrl: 'https://t.me/s/LaterChannel/77' });
    expect(updated).toMatchObject({
      channelUrl: 'https://t.me/laterchannel',
      postUrl: 'https://t.me/laterchannel/77',
      sourceUrl: 'https://t.me/s/LaterChannel/77',
    });
    expect(() => updateEvidence(session, POLICY, r.evidenceId, { sourceUrl: 'javascript:alert(1)' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    session.close('test');
  });

  it('finds evidence by its note, and no note or file name marker is in any vault file', async () => {
    const { dir, session } = await newVault();
    const marker = 'MARKEREVIDENCE51d';
    const r = await intakeBytes(session, POLICY, await screenshotPng(6), {
      originalName: `shot-${marker}.png`,
      notes: `catatan ${marker}`,
    });
    expect(search(session.db, marker.toLowerCase()).map((h) => [h.kind, h.id])).toEqual([['evidence', r.evidenceId]]);
    session.close('test');
    for (const f of allFiles(dir)) expect(f.bytes.includes(marker), f.path).toBe(false);
  });
});
