// The catalog benchmark's data: channels and evidence rows written straight into a vault's
// database (no blobs: a page and a search read rows, never originals). Sizes from the environment
// (JEJAK_BENCH_CHANNELS, JEJAK_BENCH_EVIDENCE) so a smaller run can be tried first.
import { PLATFORMS } from '../../electron/common/platforms';
import type { RawDatabase } from '../../electron/core/db/database';

export const CHANNELS = Number(process.env.JEJAK_BENCH_CHANNELS ?? 100_000);
export const EVIDENCE = Number(process.env.JEJAK_BENCH_EVIDENCE ?? 1_000_000);

export const WORDS = [
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
export const STATUSES = ['active', 'reported', 'blocked', 'not-actioned', 'reappeared'];
export const CATEGORIES = ['terorisme', 'radikalisme', 'ujaran kebencian / SARA', 'hoaks', 'lainnya'];

export const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;
// Independent picks for attributes, so a word and a platform are not tied together by a common factor.
const scatter = <T>(list: readonly T[], i: number, salt: number) =>
  list[Math.floor(((Math.imul(i + salt, 2654435761) >>> 0) / 2 ** 32) * list.length)]!;

/** Seeds the rows in one transaction; then excludes 1% of each, which every list, count and search leaves out. */
export function seedCatalog(db: RawDatabase, channels = CHANNELS, evidence = EVIDENCE): void {
  const insertChannel =
    db.prepare(`INSERT INTO channels (platform, kind, key, canonical_url, handle, title, category, status, first_seen, last_seen, notes, created_at, created_by, updated_at)
      VALUES (?, 'channel', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)`);
  db.transaction(() => {
    for (let i = 0; i < channels; i++) {
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
    for (let i = 0; i < evidence; i++) {
      const at = new Date(Date.UTC(2025, 0, 1) + i * 30_000).toISOString();
      insertEvidence.run(
        '0'.repeat(64),
        i.toString(16).padStart(64, '0'),
        `shot-${i}.png`,
        at,
        (i % channels) + 1,
        `bukti ${pick(WORDS, i * 11)} ${pick(WORDS, i * 5 + 1)} ref${i}`,
      );
    }
  })();
  db.exec(`INSERT INTO channel_exclusions SELECT id, created_at, 'bench', 'bench' FROM channels WHERE id % 100 = 0;
    INSERT INTO evidence_exclusions SELECT id, intake_at, 'bench', 'bench' FROM evidence WHERE id % 100 = 0`);
}
