// Hostile input costs what its few real bytes cost, never what it claims to hold: ZIP bombs, image
// bombs, a PNG with 2 GiB appended, an MP4 whose moov sits after 2.5 GiB, broken MP4 boxes. Each is
// timed against a baseline in the same run. What they do (verdicts, memory, bytes read) is asserted
// in tests/core/packages/hostile.test.ts and tests/core/evidence/{intake,media/*}.test.ts.
import { mkdtempSync, openSync, closeSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInflateRaw } from 'node:zlib';
import { analyzeImage, readVideoInfo } from '../../electron/core/evidence/media';
import { intakeBytes } from '../../electron/core/evidence/intake';
import { verifyPackage } from '../../electron/core/packages';
import { createVault } from '../../electron/core/vault/vault';
import { BOMBS, deflatedZeros, GiB } from '../core/packages/corpus/archives';
import { blackPng, ftyp, moov, mp4Box, screenshot } from '../core/evidence/media/fixtures';
import { medianMs, opensslSha256Ms, ratio } from './_measure';

const RUNS = 9;
const row = (label: string, ms: number, baseline: number, against: string, aim: string) =>
  console.log(`${label.padEnd(50)} ${ms.toFixed(1).padStart(8)} ms   ${ratio(ms, baseline)} ${against}   aim ${aim}`);
const baselineRow = (label: string, ms: number) =>
  console.log(`${label.padEnd(50)} ${ms.toFixed(1).padStart(8)} ms   baseline`);

/** What a naive reader pays: inflating the whole bomb (1 GiB out), counting the bytes and keeping none. */
function inflateAll(deflated: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    inflate
      .on('data', () => undefined)
      .on('end', resolve)
      .on('error', reject);
    inflate.end(deflated);
  });
}

const dir = mkdtempSync(join(tmpdir(), 'jejak-bench-hostile-'));
try {
  // ZIP bombs: refused on their declared sizes or at the first surplus byte.
  const bomb = await deflatedZeros(GiB);
  const inflateMs = await medianMs(3, () => inflateAll(bomb));
  baselineRow(`inflate the 1 GiB bomb (${(bomb.length / 2 ** 20).toFixed(1)} MiB deflated)`, inflateMs);
  for (const [name, make] of Object.entries(BOMBS)) {
    const path = join(dir, `bomb-${name}.zip`);
    writeFileSync(path, make(bomb));
    row(
      `verify a ZIP bomb (${name})`,
      await medianMs(RUNS, () => verifyPackage(path)),
      inflateMs,
      'inflating it',
      '≤ 0.05×',
    );
  }

  // Image bombs: sized from the header, never decoded; baseline, a full analysis of a real screenshot.
  const shot = await (await screenshot(6, { photo: true })).png().toBuffer();
  const shotMs = await medianMs(RUNS, () => analyzeImage(shot, 'image/png'));
  baselineRow('analyse a 720×1280 screenshot (thumbnail, hashes)', shotMs);
  const pngBomb = blackPng(20_000, 20_000);
  row(
    'analyse a 20000×20000 PNG bomb',
    await medianMs(RUNS, () => analyzeImage(pngBomb, 'image/png')),
    shotMs,
    'the screenshot',
    '≤ 1×',
  );
  const jpeg = Buffer.from(await (await screenshot(7)).resize(16, 16).jpeg().toBuffer());
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  jpeg.writeUInt16BE(60_000, sof + 5);
  jpeg.writeUInt16BE(60_000, sof + 7);
  row(
    'analyse a JPEG claiming 60000×60000',
    await medianMs(RUNS, () => analyzeImage(jpeg, 'image/jpeg')),
    shotMs,
    'the screenshot',
    '≤ 1×',
  );

  const { session } = await createVault(join(dir, 'vault'), 'benchmark passphrase with several words', {
    actor: 'bench',
    kdf: { name: 'scrypt', N: 2 ** 14, r: 8, p: 1 },
    allowAnonymous: true,
  });
  let n = 0;
  // Each intake is a new item (a duplicate would stop early): one byte appended past IEND makes it distinct.
  const distinct = (png: Buffer) => Buffer.concat([png, Buffer.from([n++ % 256, n >> 8])]);
  const intakeShotMs = await medianMs(RUNS, () => intakeBytes(session, {}, distinct(shot), { originalName: 's.png' }));
  const intakeBombMs = await medianMs(RUNS, () =>
    intakeBytes(session, {}, distinct(pngBomb), { originalName: 'b.png' }),
  );
  baselineRow('intake of the screenshot', intakeShotMs);
  row('intake of the 20000×20000 PNG bomb', intakeBombMs, intakeShotMs, 'the screenshot', '≤ 1×');
  session.close('bench');

  // 2 GiB appended to a PNG: read from the end, never through (a sparse file, no disk used).
  const small = join(dir, 'shot.png');
  const huge = join(dir, 'huge.png');
  writeFileSync(small, shot);
  writeFileSync(huge, shot);
  truncateSync(huge, 2 * GiB);
  const smallMs = await medianMs(RUNS, () => analyzeImage(small, 'image/png'));
  row(
    'analyse the PNG with 2 GiB appended',
    await medianMs(RUNS, () => analyzeImage(huge, 'image/png')),
    smallMs,
    'the PNG alone',
    '≈ 1×',
  );

  // An MP4 whose moov follows a 2.5 GiB mdat: the mdat is skipped by its size.
  const head = ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41');
  const box = moov(90_000, 1_125_000, [{ handler: 'vide', width: 1920, height: 1080, rotated: true }]);
  const short = join(dir, 'short.mp4');
  writeFileSync(short, Buffer.concat([head, mp4Box('mdat', Buffer.alloc(16)), box]));
  const long = join(dir, 'long.mp4');
  const mdatHeader = Buffer.alloc(16);
  mdatHeader.writeUInt32BE(1);
  mdatHeader.write('mdat', 4, 'latin1');
  mdatHeader.writeBigUInt64BE(BigInt(2.5 * GiB), 8);
  const fd = openSync(long, 'w');
  writeSync(fd, Buffer.concat([head, mdatHeader]), 0, undefined, 0);
  writeSync(fd, box, 0, undefined, head.length + 2.5 * GiB);
  closeSync(fd);
  const shortMs = await medianMs(RUNS, () => readVideoInfo(short, 'video/mp4'));
  row(
    'read an MP4 with a 2.5 GiB mdat',
    await medianMs(RUNS, () => readVideoInfo(long, 'video/mp4')),
    shortMs,
    'the same MP4 without it',
    '≈ 1×',
  );

  // 200,000 empty boxes: walked once, no quadratic rescans; baseline, hashing the same file.
  const boxes = join(dir, 'boxes.mp4');
  writeFileSync(boxes, Buffer.concat([ftyp('isom'), ...Array.from({ length: 200_000 }, () => mp4Box('free'))]));
  await opensslSha256Ms([boxes]);
  const hashMs = await opensslSha256Ms([boxes]);
  row(
    'read an MP4 of 200,000 empty boxes',
    await medianMs(RUNS, () => readVideoInfo(boxes, 'video/mp4')),
    hashMs,
    'openssl dgst -sha256',
    '≤ 5×',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
