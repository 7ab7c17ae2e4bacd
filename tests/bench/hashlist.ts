// Hash lists at an industry body's scale: a 100,000-entry CSV (SHA-256, MD5 and PDQ rows) imported
// into a vault of 2,000 items, which the import checks in full (one entry in 1,000 names an item: its
// SHA-256 or MD5, or its PDQ or a rotated copy's up to 31 bits away); then the check one intake makes
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
const PLANTED_EVERY = 1_000;
const PLANTED_BITS = 31;
const random = new SeededHashes(process.env.HASHLIST_BENCH_SEED ?? 'hashlist-bench-1');
const hex = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('hex');

const dir = mkdtempSync(join(tmpdir(), 'jejak-bench-hashlist-'));
try {
  // the vault's items first: the list names some of them (exactly, or near one of their rotated copies)
  const items = Array.from({ length: VAULT_ITEMS }, (_, i) => ({
    sha256: hex('sha256', `v${i}`),
    md5: hex('md5', `v${i}`),
    pdq: random.hash(),
    copies: Array.from({ length: 7 }, () => random.hash()),
  }));
  const rows = ['sha256,md5,pdq,label'];
  for (let i = 0; i < ENTRIES; i++) {
    const kind = i % 3;
    // one entry in PLANTED_EVERY names an item of the vault: its bytes, or a copy of its picture PLANTED_BITS away
    const item = i % PLANTED_EVERY < 3 ? items[random.int(VAULT_ITEMS)]! : undefined;
    const pdq = () => {
      if (!item) return pdqHex(random.hash());
      const copy = random.int(8);
      return pdqHex(random.flipSpread(copy === 0 ? item.pdq : item.copies[copy - 1]!, random.int(PLANTED_BITS + 1)));
    };
    rows.push(
      kind === 0
        ? `${item ? item.sha256 : hex('sha256', `e${i}`)},,,item ${i}`
        : kind === 1
          ? `,${item ? item.md5 : hex('md5', `e${i}`)},,item ${i}`
          : `,,${pdq()},item ${i}`,
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
    // with the seven hashes of its rotated and mirrored copies, as intake keeps them: eight lookups an item
    for (const item of items)
      insert.run(
        item.sha256,
        item.md5,
        pdqHex(item.pdq),
        Buffer.concat(item.copies.map((c) => Buffer.from(pdqHex(c), 'hex'))),
      );
  });

  const baseline = await opensslSha256Ms([file]);
  const rss = peakRss();
  let matched = 0;
  // CPU time beside the wall time: on a machine other work shares, the wall time says as much about them
  const cpuBefore = process.cpuUsage();
  const importMs = await time(() => {
    matched = importHashList(session, csv, { name: 'Bench' }, 31).matchedEvidence.length;
  });
  const cpu = process.cpuUsage(cpuBefore);
  const importCpuMs = (cpu.user + cpu.system) / 1000;
  const peak = rss.stop();
  // what was flagged, to compare runs (and implementations) by: every match with its distance
  const flagged = session.db
    .all<{ m: string }>(
      sql`SELECT m.evidence_id || ':' || h.kind || ':' || h.value || ':' || h.label || ':' || m.distance AS m
        FROM hash_list_matches m JOIN hash_list_entries h ON h.id = m.entry_id ORDER BY 1`,
    )
    .map((r) => r.m);
  const digest = createHash('sha256').update(flagged.join('\n')).digest('hex').slice(0, 16);
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
    `import (parse, store, index, check the vault): ${importMs.toFixed(0)} ms (CPU ${importCpuMs.toFixed(0)} ms), ${matched} items flagged (${flagged.length} matches, digest ${digest}), peak RSS ${peak} MiB`,
  );
  console.log(`openssl dgst -sha256 over the CSV: ${baseline.toFixed(0)} ms  (import ${ratio(importMs, baseline)})`);
  const at = (p: number) => lookups[Math.min(lookups.length - 1, Math.floor(p * lookups.length))]!.toFixed(2);
  console.log(`one item against every list (intake's check, PDQ index loaded): p50 ${at(0.5)} ms   p95 ${at(0.95)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
