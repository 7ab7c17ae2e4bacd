// Catalog at a unit's scale: 100,000 channels and 1,000,000 evidence rows (JEJAK_BENCH_CHANNELS,
// JEJAK_BENCH_EVIDENCE to try smaller); search and page latency against the same reads on a plain
// SQLite copy of the same rows, unlock-to-first-page; then intake of 1,000 generated ~300 KB PNG
// screenshots (JEJAK_BENCH_SCREENSHOTS, 0 to skip), with thumbnails and raw, against
// `openssl dgst -sha256` over the same files in the same run. JEJAK_BENCH_CATALOG_DIR keeps the
// seeded vaults in that folder for the next run (a run after a new migration migrates them first,
// so that run's unlock includes the migration).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { boundHeapGrowth } from '../../electron/core/v8-settings';
import { PLATFORMS } from '../../electron/common/platforms';
import { listChannels } from '../../electron/core/catalog/channel-list';
import { getChannel } from '../../electron/core/catalog/channels';
import { dashboardStats } from '../../electron/core/dashboard/dashboard';
import { listEvidence } from '../../electron/core/evidence/evidence-repo';
import { intakeFiles } from '../../electron/core/evidence/intake-batch';
import { search, searchMatch } from '../../electron/core/search/search';
import { calibrateKdf } from '../../electron/core/vault/kdf';
import type { VaultSession } from '../../electron/core/vault/session';
import { createVault, unlockVault } from '../../electron/core/vault/vault';
import { CATEGORIES, CHANNELS, EVIDENCE, STATUSES, WORDS, pick, seedCatalog } from './_catalog-seed';
import { type Samples, plainCopy, sample, samples } from './_catalog-reference';
import { opensslMs, opensslSha256Ms, peakRss, ratio, time } from './_measure';

// the heaps as the app and the CLI keep them (electron/main, electron/cli.ts): this process is the app here
boundHeapGrowth();

const SCREENSHOTS = Number(process.env.JEJAK_BENCH_SCREENSHOTS ?? 1_000);

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const load = () => `load ${loadavg()[0]!.toFixed(1)}`;
/** p50 and p95 of the wall times, each with its ratio to the reference's same percentile; then of the CPU times. */
const latency = (label: string, { wall, cpu }: Samples, reference: Samples | null, aim: string) =>
  console.log(
    `${label.padEnd(26)}p50 ${percentile(wall, 50).toFixed(1)} ms   p95 ${percentile(wall, 95).toFixed(1)} ms` +
      (reference
        ? `   (${ratio(percentile(wall, 50), percentile(reference.wall, 50))} / ${ratio(percentile(wall, 95), percentile(reference.wall, 95))} the plain copy)`
        : '') +
      `   ${aim}`.trimEnd() +
      `   [CPU p50 ${percentile(cpu, 50).toFixed(1)} ms, p95 ${percentile(cpu, 95).toFixed(1)} ms]`,
  );

const KEPT = process.env.JEJAK_BENCH_CATALOG_DIR;
/** The scrypt cost the vault was made with (a kept vault keeps the one of its seeding run). */
const keptN = (vault: string) =>
  (JSON.parse(readFileSync(join(vault, 'vault.json'), 'utf8')) as { wraps: Array<{ kdf: { N: number } }> }).wraps[0]!
    .kdf.N;
const dir = KEPT ?? mkdtempSync(join(tmpdir(), 'jejak-bench-catalog-'));
try {
  const passphrase = 'benchmark passphrase with several words';
  const kdf = calibrateKdf();
  const vaultDir = join(dir, 'vault');
  const emptyDir = join(dir, 'empty');
  const seeded = join(dir, 'seeded');
  if (KEPT && existsSync(seeded) && readFileSync(seeded, 'utf8') !== `${CHANNELS} ${EVIDENCE}\n`)
    throw new Error(`${dir} holds vaults seeded at another size (${readFileSync(seeded, 'utf8').trim()}).`);
  if (KEPT && existsSync(seeded)) console.log(`reusing the vaults seeded in ${dir}`);
  else {
    const seeding = (await createVault(vaultDir, passphrase, { actor: 'bench', kdf, allowAnonymous: true })).session;
    const seedMs = await time(() => seedCatalog(seeding.db.raw));
    seeding.close('bench');
    console.log(
      `seeded ${CHANNELS} channels, ${EVIDENCE} evidence rows in ${(seedMs / 1000).toFixed(0)} s (1% of each excluded)`,
    );
    // The baseline: the same KDF opening a vault with nothing in it, so the difference is what the catalogue's size costs.
    (await createVault(emptyDir, passphrase, { actor: 'bench', kdf, allowAnonymous: true })).session.close('bench');
    if (KEPT) writeFileSync(seeded, `${CHANNELS} ${EVIDENCE}\n`);
  }
  const emptyUnlock = await time(async () =>
    (await unlockVault(emptyDir, { passphrase }, { actor: 'bench' })).close('bench'),
  );
  let firstPage = 0;
  let detailMs = 0;
  let session!: VaultSession;
  // What tests/e2e/scale.spec.ts does in the window: unlock, the channel list's first page, one
  // channel's page; then the pages and searches below, in the same session, as a person browses on.
  const unlockToFirstPage = await time(async () => {
    session = await unlockVault(vaultDir, { passphrase }, { actor: 'bench' });
    const { rows } = listChannels(session.db, { filter: {}, sort: 'created', descending: true, offset: 0, limit: 200 });
    firstPage = rows.length;
    detailMs = await time(() => getChannel(session, rows[0]!.id));
  });

  const queries = Array.from({ length: 200 }, (_, i) => ({
    text:
      i % 3 === 0
        ? `${pick(WORDS, i)} ${pick(WORDS, i + 5)}`
        : i % 3 === 1
          ? `nomor${i * 397}`
          : pick(WORDS, i).slice(0, 4),
    filter: i % 4 === 0 ? { platform: pick(PLATFORMS, i) } : {},
  }));
  // The plain reference is made now, so each of its reads runs right beside the vault's own.
  console.log(`unlocked (${load()}); copying the rows to a plain SQLite file for the reference…`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `plain.db${suffix}`), { force: true });
  const plain = plainCopy(session.db.raw, join(dir, 'plain.db'));
  session.db.raw.pragma('shrink_memory'); // the copy read every row: the vault's page cache starts cold again
  const searchTimes = samples();
  const plainSearch = samples();
  for (const q of queries) {
    sample(searchTimes, () => search(session.db, q.text, q.filter, 50));
    // the same MATCH expression the search sends, its words narrowed against the copy's own vocabulary
    const match = searchMatch(plain.db, q.text, q.filter)!;
    sample(plainSearch, () => plain.search(match));
  }
  const sorts = ['created', 'title', 'status', 'platform', 'lastSeen', 'category'] as const;
  const pageTimes = samples();
  const plainPages = samples();
  for (let i = 0; i < 120; i++) {
    const filter = i % 3 === 0 ? { status: pick(STATUSES, i) } : i % 3 === 1 ? { category: pick(CATEGORIES, i) } : {};
    const page = {
      filter,
      sort: pick([...sorts], i),
      descending: i % 2 === 0,
      offset: (i * 7919) % 90_000,
      limit: 200,
    };
    sample(pageTimes, () => listChannels(session.db, page));
    sample(plainPages, () => plain.page(i));
  }
  // Scrolling on in the channel list: the next page starts after the last row of a page the window holds.
  const channelScrollTimes = samples();
  for (let i = 0; i < 120; i++) {
    const filter = i % 3 === 0 ? { status: pick(STATUSES, i) } : i % 3 === 1 ? { category: pick(CATEGORIES, i) } : {};
    const order = { filter, sort: pick([...sorts], i), descending: i % 2 === 0, limit: 200 };
    const { rows } = listChannels(session.db, { ...order, offset: (i * 7919) % 19_000 });
    sample(channelScrollTimes, () => listChannels(session.db, { ...order, offset: 0, after: rows.at(-1) }));
  }
  const evidencePageTimes = samples();
  for (let i = 0; i < 60; i++) {
    const filter = i % 2 === 0 ? { channelId: ((i * 7919) % CHANNELS) + 1 } : {};
    const offset = i % 2 === 0 ? 0 : (i * 7919) % (EVIDENCE * 0.9);
    sample(evidencePageTimes, () => listEvidence(session.db, { filter, offset, limit: 200 }));
  }
  // Scrolling on from a page the gallery holds: the next page starts after its last row, at any depth.
  const scrollTimes = samples();
  for (let i = 0; i < 60; i++) {
    const filter = i % 2 === 0 ? { channelId: ((i * 7919) % CHANNELS) + 1 } : {};
    const { rows } = listEvidence(session.db, {
      filter,
      offset: i % 2 === 0 ? 0 : (i * 7919) % (EVIDENCE * 0.9),
      limit: 200,
    });
    const last = rows.at(-1);
    const after = last && { intakeAt: last.intakeAt, id: last.id };
    sample(scrollTimes, () => listEvidence(session.db, { filter, offset: 0, after, limit: 200 }));
  }
  const dashboardTimes = samples();
  for (let i = 0; i < 10; i++) sample(dashboardTimes, () => dashboardStats(session.db));
  console.log(`pages and search measured (${load()})`);
  plain.close();
  session.close('bench');

  latency('plain copy: 200 rows', plainPages, null, 'reference: rowid range of an unencrypted copy');
  latency(
    'plain copy: same MATCHes',
    plainSearch,
    null,
    'reference: FTS5 of an unencrypted copy, words narrowed alike',
  );
  latency('search (200 queries)', searchTimes, plainSearch, 'aim p95 ≤ 10 ms');
  latency('channel page (200 rows)', pageTimes, plainPages, 'aim p95 ≤ 20 ms   a jump (offset)');
  latency('channel next page', channelScrollTimes, plainPages, 'aim p95 ≤ 20 ms   scrolling on (after the last row)');
  latency('evidence page (200 items)', evidencePageTimes, plainPages, 'a jump (offset)');
  latency('evidence next page', scrollTimes, plainPages, 'scrolling on (after the last row)');
  latency('dashboard counts', dashboardTimes, null, '');
  console.log(
    `unlock to channel page    ${unlockToFirstPage.toFixed(0)} ms (${firstPage} rows, then one channel's detail in ${detailMs.toFixed(1)} ms): ` +
      `${(unlockToFirstPage - emptyUnlock).toFixed(0)} ms beyond unlocking an empty vault (${emptyUnlock.toFixed(0)} ms, scrypt N=${keptN(vaultDir)})   aim ≤ 300 ms   ${load()}`,
  );
  if (SCREENSHOTS > 0) await intakeBench(dir, passphrase, kdf);
} finally {
  if (!KEPT) rmSync(dir, { recursive: true, force: true });
}

/** 1,000 distinct screenshot-like PNGs of about 300 KB (a UI frame over a noisy photo region), taken in twice. */
async function intakeBench(dir: string, passphrase: string, kdf: ReturnType<typeof calibrateKdf>) {
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
  const totalBytes = files.reduce((n, f) => n + statSync(f).size, 0);
  await opensslSha256Ms(files);
  const baseline = await opensslSha256Ms(files);
  const sha512 = await opensslMs(files, 'sha512');

  const intakeRun = async (name: string, analyze: boolean) => {
    const { session: s } = await createVault(join(dir, name), passphrase, {
      actor: 'bench',
      kdf,
      allowAnonymous: true,
    });
    const rss = peakRss();
    // the way the window and `jejak evidence add` take files in (one by one: `npm run bench -- vault`)
    const ms = await time(async () => {
      const results = await intakeFiles(
        s,
        {},
        files.map((path) => ({ path })),
        { analyze },
      );
      const failed = results.find((r) => !r.ok);
      if (failed && !failed.ok) throw failed.error;
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
  console.log(`openssl dgst -sha512      ${sha512.toFixed(0)} ms   baseline`);
  console.log(
    `intake with thumbnails    (batched) ${(SCREENSHOTS / (full.ms / 1000)).toFixed(0)} files/s (${full.ms.toFixed(0)} ms)   peak RSS ${full.peak} MiB`,
  );
  console.log(
    `raw intake (hash, encrypt, store, batched) ${rawRun.ms.toFixed(0)} ms   ${ratio(rawRun.ms, sha512)} sha512   aim ≤ 1.3× sha512   peak RSS ${rawRun.peak} MiB   ${load()}`,
  );
}
