// Catalog at a unit's scale: 100,000 channels and 1,000,000 evidence rows; search and page
// latency, unlock-to-first-page; then intake of 1,000 generated ~300 KB PNG screenshots, with
// thumbnails and raw, against `openssl dgst -sha256` over the same files in the same run.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { PLATFORMS } from '../../electron/common/platforms';
import { listChannels } from '../../electron/core/catalog/channel-list';
import { getChannel } from '../../electron/core/catalog/channels';
import { dashboardStats } from '../../electron/core/dashboard/dashboard';
import { listEvidence } from '../../electron/core/evidence/evidence-repo';
import { intakeFile } from '../../electron/core/evidence/intake';
import { search } from '../../electron/core/search/search';
import { calibrateKdf } from '../../electron/core/vault/kdf';
import { createVault, unlockVault } from '../../electron/core/vault/vault';
import { opensslSha256Ms, peakRss, ratio, time } from './_measure';

const CHANNELS = 100_000;
const EVIDENCE = 1_000_000;
const SCREENSHOTS = 1_000;
const WORDS = [
  'jihad',
  'khilafah',
  'daulah',
  'rekrutmen',
  'propaganda',
  'kajian',
  'hijrah',
  'media',
  'berita',
  'dakwah',
  'ansor',
  'tauhid',
  'syam',
  'nusantara',
  'video',
  'amaliyah',
  "bai'at",
  'mujahid',
  'akhwat',
  'ikhwan',
];
const STATUSES = ['active', 'reported', 'blocked', 'not-actioned', 'reappeared'];
const CATEGORIES = ['terorisme', 'radikalisme', 'ujaran kebencian / SARA', 'hoaks', 'lainnya'];

const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;
// Independent picks for attributes, so a word and a platform are not tied together by a common factor.
const scatter = <T>(list: readonly T[], i: number, salt: number) =>
  list[Math.floor(((Math.imul(i + salt, 2654435761) >>> 0) / 2 ** 32) * list.length)]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const dir = mkdtempSync(join(tmpdir(), 'jejak-bench-catalog-'));
try {
  const passphrase = 'benchmark passphrase with several words';
  const kdf = calibrateKdf();
  const vaultDir = join(dir, 'vault');
  const { session } = await createVault(vaultDir, passphrase, { actor: 'bench', kdf, allowAnonymous: true });

  const seedMs = await time(() => {
    const db = session.db.raw;
    const insertChannel =
      db.prepare(`INSERT INTO channels (platform, kind, key, canonical_url, handle, title, category, status, first_seen, last_seen, notes, created_at, created_by, updated_at)
      VALUES (?, 'channel', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)`);
    db.transaction(() => {
      for (let i = 0; i < CHANNELS; i++) {
        const at = new Date(Date.UTC(2025, 0, 1) + i * 300_000).toISOString();
        const title = `${pick(WORDS, i)} ${pick(WORDS, i * 7 + 3)} ${i}`;
        insertChannel.run(
          scatter(PLATFORMS, i, 1),
          `bench:${i}`,
          `https://t.me/bench_${i}`,
          `bench_${i}`,
          title,
          scatter(CATEGORIES, i, 2),
          scatter(STATUSES, i, 3),
          at,
          at,
          `catatan ${pick(WORDS, i * 13)} nomor${i}`,
          at,
          at,
        );
      }
      db.prepare(`INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES (?, ?, ?, 0, ?)`).run(
        '0'.repeat(64),
        '0'.repeat(64),
        '0'.repeat(128),
        new Date().toISOString(),
      );
      const insertEvidence =
        db.prepare(`INSERT INTO evidence (blob_name, sha256, sha512, size, media_type, original_name, intake_at, taken_by, channel_id, notes)
        VALUES (?, ?, '', 300000, 'image/png', ?, ?, 'bench', ?, ?)`);
      for (let i = 0; i < EVIDENCE; i++) {
        const at = new Date(Date.UTC(2025, 0, 1) + i * 30_000).toISOString();
        insertEvidence.run(
          '0'.repeat(64),
          i.toString(16).padStart(64, '0'),
          `shot-${i}.png`,
          at,
          (i % CHANNELS) + 1,
          `bukti ${pick(WORDS, i * 11)} ${pick(WORDS, i * 5 + 1)} ref${i}`,
        );
      }
    })();
  });
  console.log(`seeded ${CHANNELS} channels, ${EVIDENCE} evidence rows in ${(seedMs / 1000).toFixed(0)} s`);
  // Mistakes are excluded, never deleted: 1% of each, which every list, count and search leaves out.
  session.db.raw
    .exec(`INSERT INTO channel_exclusions SELECT id, created_at, 'bench', 'bench' FROM channels WHERE id % 100 = 0;
    INSERT INTO evidence_exclusions SELECT id, intake_at, 'bench', 'bench' FROM evidence WHERE id % 100 = 0`);

  const searchTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const q =
      i % 3 === 0
        ? `${pick(WORDS, i)} ${pick(WORDS, i + 5)}`
        : i % 3 === 1
          ? `nomor${i * 397}`
          : pick(WORDS, i).slice(0, 4);
    const filter = i % 4 === 0 ? { platform: pick(PLATFORMS, i) } : {};
    searchTimes.push(await time(() => search(session.db, q, filter, 50)));
  }
  const pageTimes: number[] = [];
  const sorts = ['created', 'title', 'status', 'platform', 'lastSeen', 'category'] as const;
  for (let i = 0; i < 120; i++) {
    const filter = i % 3 === 0 ? { status: pick(STATUSES, i) } : i % 3 === 1 ? { category: pick(CATEGORIES, i) } : {};
    pageTimes.push(
      await time(() =>
        listChannels(session.db, {
          filter,
          sort: pick([...sorts], i),
          descending: i % 2 === 0,
          offset: (i * 7919) % 90_000,
          limit: 200,
        }),
      ),
    );
  }
  const evidencePageTimes: number[] = [];
  for (let i = 0; i < 60; i++) {
    const filter = i % 2 === 0 ? { channelId: ((i * 7919) % CHANNELS) + 1 } : {};
    evidencePageTimes.push(
      await time(() =>
        listEvidence(session.db, { filter, offset: i % 2 === 0 ? 0 : (i * 7919) % 900_000, limit: 200 }),
      ),
    );
  }
  const dashboardTimes: number[] = [];
  for (let i = 0; i < 10; i++) dashboardTimes.push(await time(() => dashboardStats(session.db)));
  session.close('bench');
  // The baseline: the same KDF opening a vault with nothing in it, so the ratio is what the catalogue's size costs.
  const emptyDir = join(dir, 'empty');
  (await createVault(emptyDir, passphrase, { actor: 'bench', kdf, allowAnonymous: true })).session.close('bench');
  const emptyUnlock = await time(async () =>
    (await unlockVault(emptyDir, { passphrase }, { actor: 'bench' })).close('bench'),
  );
  let firstPage = 0;
  let detailMs = 0;
  // What tests/e2e/scale.spec.ts does in the window: unlock, the channel list's first page, one channel's page.
  const unlockToFirstPage = await time(async () => {
    const s = await unlockVault(vaultDir, { passphrase }, { actor: 'bench' });
    const { rows } = listChannels(s.db, { filter: {}, sort: 'created', descending: true, offset: 0, limit: 200 });
    firstPage = rows.length;
    detailMs = await time(() => getChannel(s, rows[0]!.id));
    s.close('bench');
  });

  console.log(
    `search (200 queries)      p50 ${percentile(searchTimes, 50).toFixed(1)} ms   p95 ${percentile(searchTimes, 95).toFixed(1)} ms   aim p95 ≤ 50 ms`,
  );
  console.log(
    `channel page (200 rows)   p50 ${percentile(pageTimes, 50).toFixed(1)} ms   p95 ${percentile(pageTimes, 95).toFixed(1)} ms`,
  );
  console.log(
    `evidence page (200 items) p50 ${percentile(evidencePageTimes, 50).toFixed(1)} ms   p95 ${percentile(evidencePageTimes, 95).toFixed(1)} ms`,
  );
  console.log(
    `dashboard counts          p50 ${percentile(dashboardTimes, 50).toFixed(1)} ms   p95 ${percentile(dashboardTimes, 95).toFixed(1)} ms`,
  );
  console.log(
    `unlock to channel page    ${unlockToFirstPage.toFixed(0)} ms (${firstPage} rows, then one channel's detail in ${detailMs.toFixed(1)} ms)   ${ratio(unlockToFirstPage, emptyUnlock)} unlocking an empty vault (${emptyUnlock.toFixed(0)} ms, scrypt N=${kdf.N})`,
  );

  // 1,000 distinct screenshot-like PNGs of about 300 KB: a UI frame over a noisy photo region.
  const shots = join(dir, 'shots');
  mkdirSync(shots);
  const files: string[] = [];
  for (let i = 0; i < SCREENSHOTS; i++) {
    const width = 720;
    const height = 480;
    const raw = Buffer.alloc(width * height * 3, 245);
    randomBytes(width * 150 * 3).copy(raw, width * 120 * 3);
    const file = join(shots, `shot-${i}.png`);
    writeFileSync(
      file,
      await sharp(raw, { raw: { width, height, channels: 3 } })
        .png({ compressionLevel: 6 })
        .toBuffer(),
    );
    files.push(file);
  }
  const { statSync } = await import('node:fs');
  const totalBytes = files.reduce((n, f) => n + statSync(f).size, 0);
  await opensslSha256Ms(files);
  const baseline = await opensslSha256Ms(files);

  const intakeRun = async (name: string, analyze: boolean) => {
    const { session: s } = await createVault(join(dir, name), passphrase, {
      actor: 'bench',
      kdf,
      allowAnonymous: true,
    });
    const rss = peakRss();
    const ms = await time(async () => {
      for (const f of files) await intakeFile(s, {}, f, {}, { analyze });
    });
    const peak = rss.stop();
    s.close('bench');
    return { ms, peak };
  };
  const full = await intakeRun('with-thumbnails', true);
  const rawRun = await intakeRun('raw', false);
  console.log(
    `screenshots               ${SCREENSHOTS} PNGs, ${(totalBytes / SCREENSHOTS / 1024).toFixed(0)} KB average`,
  );
  console.log(`openssl dgst -sha256      ${baseline.toFixed(0)} ms   baseline`);
  console.log(
    `intake with thumbnails    ${(SCREENSHOTS / (full.ms / 1000)).toFixed(0)} files/s (${full.ms.toFixed(0)} ms)   peak RSS ${full.peak} MiB`,
  );
  console.log(
    `raw intake (hash, encrypt, store) ${rawRun.ms.toFixed(0)} ms   ${ratio(rawRun.ms, baseline)} openssl   aim ≤ 2.5×   peak RSS ${rawRun.peak} MiB`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
