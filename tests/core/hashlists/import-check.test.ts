import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from '../../../electron/core/db/sql';
import { pdqHex, type Hash256 } from '../../../electron/core/evidence/media/pdq';
import { flagHashListMatches } from '../../../electron/core/hashlists/hash-list-matching';
import { importHashList } from '../../../electron/core/hashlists/hash-lists';
import type { VaultSession } from '../../../electron/core/vault/session';
import { SeededHashes } from '../../fixtures/pdq/random-hashes';
import { newVault } from '../../fixtures/temp';

const hex = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('hex');
const ITEMS = 60;

/** Every match as "item kind value label distance", to compare two ways of making them. */
function matchesOf(session: VaultSession): string[] {
  return session.db
    .all<{ m: string }>(
      sql`SELECT m.evidence_id || ' ' || h.kind || ' ' || h.value || ' ' || h.label || ' ' || m.distance AS m
        FROM hash_list_matches m JOIN hash_list_entries h ON h.id = m.entry_id ORDER BY 1`,
    )
    .map((r) => r.m);
}

describe('importing a hash list', () => {
  it('flags the items already in the vault exactly as intake checks each one', async () => {
    const { session } = await newVault();
    const random = new SeededHashes('import-check-1');
    // pictures with the hashes of their seven rotated and mirrored copies (as intake keeps them),
    // an older one without them, one below the quality bar, one that is no picture and has no MD5
    const items = Array.from({ length: ITEMS }, (_, i) => ({
      sha256: hex('sha256', `item ${i}`),
      md5: i === 3 ? null : hex('md5', `item ${i}`),
      pdq: i === 3 ? null : random.hash(),
      quality: i === 2 ? 20 : 90,
      copies: i === 1 ? null : Array.from({ length: 7 }, () => random.hash()),
    }));
    session.db.raw.exec(`INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES ('b', 'x', 'x', 1, 't')`);
    const insert = session.db.raw.prepare(`INSERT INTO evidence
      (blob_name, sha256, sha512, size, media_type, intake_at, taken_by, md5, pdq, pdq_quality, pdq_dihedral)
      VALUES ('b', ?, 'x', 1, 'image/png', 't', 'test', ?, ?, ?, ?)`);
    const ids = items.map((item) =>
      Number(
        insert.run(
          item.sha256,
          item.md5,
          item.pdq && pdqHex(item.pdq),
          item.pdq && item.quality,
          item.copies && Buffer.concat(item.copies.map((c) => Buffer.from(pdqHex(c), 'hex'))),
        ).lastInsertRowid,
      ),
    );

    const rows = ['sha256,md5,pdq,label'];
    const near = (hash: Hash256, bits: number) => pdqHex(random.flipSpread(hash, bits));
    for (let i = 0; i < ITEMS; i++) {
      const item = items[i]!;
      if (i % 5 === 0) rows.push(`${item.sha256},,,bytes ${i}`, `${item.sha256},,,the same bytes again ${i}`);
      if (i % 7 === 0 && item.md5) rows.push(`,${item.md5.toUpperCase()},,md5 ${i}`);
      // the picture or one of its copies, from identical to just past the distance
      const copy = i % 8 === 0 || !item.copies ? item.pdq : item.copies[(i % 8) - 1]!;
      if (copy) rows.push(`,,${near(copy, i % 34)},near ${i}`, `,,${near(copy, 40 + (i % 30))},far ${i}`);
    }
    for (let i = 0; i < 500; i++) rows.push(`${hex('sha256', `other ${i}`)},,${random.hex()},other ${i}`);

    const imported = importHashList(session, rows.join('\n'), { name: 'List' }, 31);
    const atImport = matchesOf(session);
    expect(atImport.length).toBeGreaterThan(30);
    expect(atImport.some((m) => m.includes(' near ') && m.endsWith(' 31'))).toBe(true);
    expect(atImport.some((m) => m.includes(' far '))).toBe(false);
    expect(imported.matchedEvidence).toEqual(
      [...new Set(atImport.map((m) => Number(m.split(' ')[0])))].sort((a, b) => a - b),
    );

    // the same list, checked item by item as intake and the background queue do
    session.db.run(sql`DELETE FROM hash_list_matches`);
    for (const id of ids) flagHashListMatches(session, id, 31);
    expect(matchesOf(session)).toEqual(atImport);

    // a list imported while intake's index of the lists is loaded joins that index
    const copy = pdqHex(random.flipSpread(items[10]!.copies![2]!, 12));
    importHashList(session, `pdq,label\n${copy},second`, { name: 'Second' }, 31);
    session.db.run(sql`DELETE FROM hash_list_matches`);
    expect(flagHashListMatches(session, ids[10]!, 31)).toEqual(
      expect.arrayContaining([expect.objectContaining({ listName: 'Second', kind: 'pdq', distance: 12 })]),
    );
    session.close('test');
  });
});
