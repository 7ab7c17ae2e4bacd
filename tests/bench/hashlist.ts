// Hash lists at an industry body's scale: a 100,000-entry CSV (SHA-256, MD5 and PDQ rows) imported
// into a vault of 2,000 items, which the import checks in full; then the check one intake makes
// against every list. Baseline: `openssl dgst -sha256` over the same CSV, in the same run.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from '../../electron/core/db/sql';
import { pdqHex } from '../../electron/core/evidence/media/pdq';
import { flagHashListMatches } from '../../electron/core/hashlists/hash-list-matching';
import { importHashList } from '../../electron/core/hashlists/hash-lists';
import { createVault } from '../../electron/core/vault/vault';
import { SeededHashes } from '../fixtures/pdq/random-hashes';
import { FAST_KDF, PASSPHRASE } from '../fixtures/temp-constants';
import { opensslSha256Ms, peakRss, ratio, time } from './_measure';

const ENTRIES = 100_000;
const VAULT_ITEMS = 2_000;
const LOOKUPS = 500;
const random = new SeededHashes(process.env.HASHLIST_BENCH_SEED ?? 'hashlist-bench-1');
const hex = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('hex');
const copiesOf = () => Buffer.concat(Array.from({ length: 7 }, () => Buffer.from(pdqHex(random.hash()), 'hex')));

const dir = mkdtempSync(join(tmpdir(), 'jejak-bench-hashlist-'));
try {
  const rows = ['sha256,md5,pdq,label'];
  for (let i = 0; i < ENTRIES; i++) {
    const kind = i % 3;
    rows.push(
      kind === 0
        ? `${hex('sha256', `e${i}`)},,,item ${i}`
        : kind === 1
          ? `,${hex('md5', `e${i}`)},,item ${i}`
          : `,,${pdqHex(random.hash())},item ${i}`,
    );
  }
  const csv = `${rows.join('\n')}\n`;
  const file = join(dir, 'list.csv');
  writeFileSync(file, csv);

  const { session } = await createVault(join(dir, 'vault'), PASSPHRASE, {
    actor: 'bench',
    kdf: FAST_KDF,
    allowAnonymous: true,
  });
  session.db.raw.exec(`INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES ('bench', 'x', 'x', 1, 't')`);
  const insert = session.db.raw
    .prepare(`INSERT INTO evidence (blob_name, sha256, sha512, size, media_type, intake_at, taken_by, md5, pdq, pdq_quality, pdq_dihedral)
    VALUES ('bench', ?, 'x', 1, 'image/png', 't', 'bench', ?, ?, 90, ?)`);
  session.db.tx(() => {
    for (let i = 0; i < VAULT_ITEMS; i++)
      // with the seven hashes of its rotated and mirrored copies, as intake keeps them: eight lookups an item
      insert.run(hex('sha256', `v${i}`), hex('md5', `v${i}`), pdqHex(random.hash()), copiesOf());
  });

  const baseline = await opensslSha256Ms([file]);
  const rss = peakRss();
  let matched = 0;
  const importMs = await time(() => {
    matched = importHashList(session, csv, { name: 'Bench' }, 31).matchedEvidence.length;
  });
  const peak = rss.stop();
  const ids = session.db.all<{ id: number }>(sql`SELECT id FROM evidence LIMIT ${LOOKUPS}`).map((r) => r.id);
  const lookups: number[] = [];
  for (const id of ids) {
    const started = performance.now();
    flagHashListMatches(session, id, 31);
    lookups.push(performance.now() - started);
  }
  lookups.sort((a, b) => a - b);
  session.close('bench');

  console.log(
    `CSV: ${ENTRIES.toLocaleString('en')} entries, ${(csv.length / 1024 / 1024).toFixed(1)} MiB; vault: ${VAULT_ITEMS} items`,
  );
  console.log(
    `import (parse, store, index, check the vault): ${importMs.toFixed(0)} ms, ${matched} items flagged, peak RSS ${peak} MiB`,
  );
  console.log(`openssl dgst -sha256 over the CSV: ${baseline.toFixed(0)} ms  (import ${ratio(importMs, baseline)})`);
  const at = (p: number) => lookups[Math.min(lookups.length - 1, Math.floor(p * lookups.length))]!.toFixed(2);
  console.log(`one item against every list (intake's check, PDQ index loaded): p50 ${at(0.5)} ms   p95 ${at(0.95)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
