import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/database';
import { excludeItem } from '../../../electron/core/catalog/exclusion';
import { importUnitPackage } from '../../../electron/core/unit/import-package';
import { listUnitPackages, sharedChannels, unitDashboard } from '../../../electron/core/unit/unit-views';
import { POLICY, screenshotPng } from '../../fixtures/catalog';
import { decidedPackage, trustIn, vaultAs } from '../../fixtures/unit-core';

const NOW = new Date('2099-01-01T00:00:00Z'); // every notice deadline has passed

/** What the unit page shows: its counts, the shared channels and the packages with their counts. */
function page(db: Db) {
  const d = unitDashboard(db, NOW);
  return {
    ...d,
    analysts: d.analysts.map(({ name, packages, channels, evidence }) => ({ name, packages, channels, evidence })),
    catalog: { channels: d.catalog.channels, evidence: d.catalog.evidence, byPlatform: d.catalog.byPlatform },
    shared: sharedChannels(db, 50).map(({ canonicalUrl, sources, analysts }) => ({ canonicalUrl, sources, analysts })),
    recent: listUnitPackages(db, { limit: 50 }).map(({ fileName, channels, evidence }) => ({
      fileName,
      channels,
      evidence,
    })),
  };
}

/** The same counts taken from the provenance rows themselves, not from what the import keeps. */
function recounted(db: Db) {
  const all = <T>(q: string) => db.raw.prepare(q).all() as T[];
  const one = (q: string) => (db.raw.prepare(q).get() as { n: number }).n;
  return {
    packages: one('SELECT count(*) AS n FROM unit_packages'),
    analysts: all<{ name: string; packages: number; channels: number; evidence: number }>(
      `SELECT p.analyst_name AS name, count(*) AS packages,
        (SELECT count(DISTINCT s.channel_id) FROM unit_channel_sources s JOIN unit_packages q ON q.id = s.package_id WHERE q.analyst_fingerprint = p.analyst_fingerprint) AS channels,
        (SELECT count(DISTINCT s.evidence_id) FROM unit_evidence_sources s JOIN unit_packages q ON q.id = s.package_id WHERE q.analyst_fingerprint = p.analyst_fingerprint) AS evidence
      FROM unit_packages p GROUP BY p.analyst_fingerprint ORDER BY packages DESC, name`,
    ),
    overdueItems: one(`SELECT count(*) AS n FROM unit_items WHERE deadline < '${NOW.toISOString()}'`),
    catalog: {
      channels: one('SELECT count(*) AS n FROM channels WHERE excluded = 0'),
      evidence: one('SELECT count(*) AS n FROM evidence WHERE excluded = 0'),
    },
    shared: all<{ canonicalUrl: string; sources: number; analysts: number }>(
      `SELECT c.canonical_url AS canonicalUrl, count(*) AS sources, count(DISTINCT p.analyst_fingerprint) AS analysts
      FROM unit_channel_sources s JOIN unit_packages p ON p.id = s.package_id JOIN channels c ON c.id = s.channel_id
      GROUP BY s.channel_id HAVING sources > 1 ORDER BY sources DESC, s.channel_id`,
    ),
  };
}

describe('the unit page counts', () => {
  it('stay equal to a recount of what was taken in after imports, a re-import, refused packages and an exclusion', async () => {
    const sari = await vaultAs('Sari Analis', 'analyst');
    const rudi = await vaultAs('Rudi Analis', 'analyst');
    const budi = await vaultAs('Budi Supervisor', 'supervisor');
    const unit = await vaultAs('Meja Arsip', 'unit');
    trustIn(unit, [
      [sari, 'analyst'],
      [rudi, 'analyst'],
      [budi, 'supervisor'],
    ]);
    const [shared, s1, s2, r1] = await Promise.all([700, 701, 702, 703].map((seed) => screenshotPng(seed)));
    const first = await decidedPackage(sari, budi, {
      name: 'sari-1',
      channels: ['https://t.me/s/DaulahMedia', 'https://t.me/kanal_satu'],
      shots: [shared!, s1!],
    });
    // the same channel and one of the same screenshots again, from the same analyst
    const second = await decidedPackage(sari, budi, {
      name: 'sari-2',
      channels: ['https://t.me/daulahmedia', 'https://t.me/kanal_dua'],
      shots: [s1!, s2!],
    });
    const third = await decidedPackage(rudi, budi, {
      name: 'rudi-1',
      channels: ['t.me/daulahmedia', 'https://t.me/kanal_tiga'],
      shots: [shared!, r1!],
    });
    const returned = await decidedPackage(rudi, budi, {
      name: 'rudi-returned',
      channels: ['https://t.me/kanal_empat'],
      shots: [await screenshotPng(704)],
      decision: 'returned',
    });
    const exportOnly = await decidedPackage(rudi, null, {
      name: 'rudi-export',
      channels: ['https://t.me/kanal_lima'],
      shots: [await screenshotPng(705)],
    });

    for (const file of [first, second, third]) await importUnitPackage(unit, POLICY, file);
    const shown = page(unit.db);
    expect(shown).toMatchObject(recounted(unit.db));
    expect(shown.packages).toBe(3);
    expect(shown.analysts).toEqual([
      { name: 'Sari Analis', packages: 2, channels: 3, evidence: 3 },
      { name: 'Rudi Analis', packages: 1, channels: 2, evidence: 2 },
    ]);
    expect(shown.catalog).toEqual({ channels: 4, evidence: 4, byPlatform: [{ key: 'telegram', count: 4 }] });
    expect(shown.shared).toEqual([{ canonicalUrl: 'https://t.me/daulahmedia', sources: 3, analysts: 2 }]);
    expect(shown.recent.map((p) => [p.channels, p.evidence])).toEqual([
      [2, 2],
      [2, 2],
      [2, 2],
    ]);
    expect(shown.overdueItems).toBe(6);
    expect(shown.vaults.map((v) => [v.analyst, v.packages])).toEqual([
      ['Rudi Analis', 1],
      ['Sari Analis', 2],
    ]);

    expect((await importUnitPackage(unit, POLICY, second)).outcome).toBe('already-imported');
    await expect(importUnitPackage(unit, POLICY, returned)).rejects.toMatchObject({ code: 'NOT_APPROVED' });
    await expect(importUnitPackage(unit, POLICY, exportOnly)).rejects.toMatchObject({ code: 'NOT_A_DECISION' });
    expect(page(unit.db)).toEqual(shown);

    const channel = unit.db.raw
      .prepare("SELECT id FROM channels WHERE canonical_url = 'https://t.me/kanal_satu'")
      .get() as {
      id: number;
    };
    excludeItem(unit, 'channel', channel.id, 'bukan kanal yang dilaporkan');
    const after = page(unit.db);
    expect(after.catalog.channels).toBe(3);
    expect(after).toMatchObject(recounted(unit.db));
    for (const s of [sari, rudi, budi, unit]) s.close('test');
  }, 240_000);
});
