// The unit catalog. Throughput: real approved packages from several analysts (shared channels and
// screenshots among them) taken in with importUnitPackage, against verifying the same files alone in
// the same run. Size: a unit vault seeded directly in the database at UNIT_ANALYSTS × UNIT_PACKAGES
// (default 200 × 500 = 100,000 packages, 1,000,000 evidence rows, 100,000 channels), then the
// unit page, its parts, the packages page, a channel's history and search, p50/p95.
// UNIT_REAL_ANALYSTS × UNIT_REAL_PACKAGES (default 4 × 10) sets the real packages.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addOrFindChannel } from '../../electron/core/catalog/channels';
import { dashboardStats } from '../../electron/core/dashboard/dashboard';
import { createCase } from '../../electron/core/cases/cases';
import { exportCase } from '../../electron/core/cases/export-case';
import { intakeBytes } from '../../electron/core/evidence/intake';
import { getIdentity } from '../../electron/core/identity/identity';
import { verifyPackage } from '../../electron/core/packages';
import { decidePackage } from '../../electron/core/review/decide';
import { search } from '../../electron/core/search/search';
import { effectiveRoster, importRoster } from '../../electron/core/trust/trust';
import { importUnitPackage } from '../../electron/core/unit/import-package';
import {
  channelHistory,
  listUnitPackages,
  sharedChannels,
  unitCounts,
  unitDashboard,
} from '../../electron/core/unit/unit-views';
import type { VaultSession } from '../../electron/core/vault/session';
import { createVault } from '../../electron/core/vault/vault';
import { POLICY, screenshotPng } from '../fixtures/catalog';
import { FAST_KDF, PASSPHRASE } from '../fixtures/temp-constants';
import { ratio, time } from './_measure';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const REAL_ANALYSTS = num('UNIT_REAL_ANALYSTS', 4);
const REAL_PACKAGES = num('UNIT_REAL_PACKAGES', 10);
const ANALYSTS = num('UNIT_ANALYSTS', 200);
const PACKAGES = num('UNIT_PACKAGES', 500);
const EVIDENCE_PER_PACKAGE = 10;
const CHANNELS = 100_000;
const UNIT = 'Direktorat Pengendalian Konten';
const RESOURCES = join(process.cwd(), 'resources');
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
/** n timed runs of fn. */
async function samples(n: number, fn: (i: number) => unknown): Promise<number[]> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(await time(() => fn(i)));
  return xs;
}
const line = (label: string, xs: number[]) =>
  console.log(`${label.padEnd(34)} p50 ${percentile(xs, 50).toFixed(1)} ms   p95 ${percentile(xs, 95).toFixed(1)} ms`);

const dir = mkdtempSync(join(tmpdir(), 'jejak-bench-unit-'));
const vault = async (name: string, role: 'analyst' | 'supervisor' | 'unit', id: string) =>
  (
    await createVault(join(dir, name), PASSPHRASE, {
      actor: name,
      kdf: FAST_KDF,
      identity: { name, unit: UNIT, employeeId: id, role },
    })
  ).session;
const rosterOf = (s: VaultSession, role: 'analyst' | 'supervisor') => {
  const me = getIdentity(s);
  return { fingerprint: me.fingerprint, name: me.name, unit: me.unit, role };
};

/** One approved package: 3 channels (one of them shared by every analyst) and 3 screenshots (one shared). */
async function approvedPackage(analyst: VaultSession, supervisor: VaultSession, a: number, p: number): Promise<string> {
  const channels = [`https://t.me/shared_${p % 5}`, `https://t.me/a${a}_p${p}_x`, `https://t.me/a${a}_p${p}_y`].map(
    (url) => addOrFindChannel(analyst, POLICY, { url, category: 'terorisme' }).id,
  );
  const evidence: number[] = [];
  for (const [i, seed] of [900 + (p % 5), 1000 + a * 1000 + p * 2, 1001 + a * 1000 + p * 2].entries())
    evidence.push(
      (
        await intakeBytes(analyst, POLICY, await screenshotPng(seed), {
          originalName: `s${i}.png`,
          channelId: channels[i],
        })
      ).evidenceId,
    );
  const kase = createCase(analyst, POLICY, {
    title: `Kasus ${a}-${p}`,
    platform: 'telegram',
    priority: 'normal',
    channelIds: channels,
    evidenceIds: evidence,
  });
  const exported = join(dir, `a${a}-p${p}.zip`);
  await exportCase(analyst, POLICY, kase.id, exported, { language: 'id', resourcesDir: RESOURCES, version: 'bench' });
  const approved = join(dir, `a${a}-p${p}-approved.zip`);
  const source = { path: exported, result: await verifyPackage(exported) };
  await decidePackage(supervisor, POLICY, source, approved, {
    decision: 'approved',
    comment: '',
    items: [],
    withoutItemReview: { reason: 'bench' },
  });
  return approved;
}

try {
  const supervisor = await vault('Budi Supervisor', 'supervisor', 'S-1');
  const unit = await vault('Meja Arsip', 'unit', 'U-1');
  const files: string[] = [];
  for (let a = 0; a < REAL_ANALYSTS; a++) {
    const analyst = await vault(`Analis ${a}`, 'analyst', `A-${a}`);
    importRoster(unit, [rosterOf(analyst, 'analyst')]);
    for (let p = 0; p < REAL_PACKAGES; p++) files.push(await approvedPackage(analyst, supervisor, a, p));
    analyst.close('bench');
  }
  importRoster(unit, [rosterOf(supervisor, 'supervisor')]);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const opening = { roster: effectiveRoster(unit, POLICY) };
  const verifyMs = await time(async () => {
    for (const f of files) await verifyPackage(f, opening);
  });
  const importMs = await time(async () => {
    for (const f of files) await importUnitPackage(unit, POLICY, f);
  });
  const againMs = await time(async () => {
    for (const f of files) await importUnitPackage(unit, POLICY, f);
  });
  const mib = bytes / 1024 / 1024;
  const perSecond = (ms: number) =>
    `${(files.length / (ms / 1000)).toFixed(1)} packages/s, ${(mib / (ms / 1000)).toFixed(1)} MiB/s`;
  console.log(`${files.length} approved packages (${REAL_ANALYSTS} analysts), ${mib.toFixed(1)} MiB`);
  console.log(`verify alone                       ${perSecond(verifyMs)}`);
  console.log(`unit import                        ${perSecond(importMs)}   ${ratio(importMs, verifyMs)} verify alone`);
  console.log(`the same files again (no change)   ${perSecond(againMs)}   ${ratio(againMs, verifyMs)} verify alone`);
  const d = unitDashboard(unit.db);
  console.log(`merged: ${d.catalog.channels} channels, ${d.catalog.evidence} evidence for ${d.packages} packages`);
  unit.close('bench');

  const big = await vault('Unit Besar', 'unit', 'U-2');
  const seedMs = await time(() => seedUnitRows(big));
  const packages = ANALYSTS * PACKAGES;
  console.log(
    `seeded ${packages} packages, ${packages * EVIDENCE_PER_PACKAGE} evidence rows, ${CHANNELS} channels in ${(seedMs / 1000).toFixed(0)} s`,
  );
  // 100 samples each, so that p95 is not simply the slowest one
  line(
    'unit page (overview, all parts)',
    await samples(100, () => ({
      ...unitDashboard(big.db),
      recent: listUnitPackages(big.db, { limit: 50 }),
      shared: sharedChannels(big.db, 50),
    })),
  );
  line("  the unit's own counts", await samples(100, () => unitCounts(big.db)));
  line("  catalog counts (the dashboard's)", await samples(100, () => dashboardStats(big.db)));
  line('  shared channels (top 50)', await samples(100, () => sharedChannels(big.db, 50)));
  line(
    '  packages page (50)',
    await samples(100, (i) => listUnitPackages(big.db, { limit: 50, offset: (i * 7919) % packages })),
  );
  line('channel history', await samples(200, (i) => channelHistory(big.db, ((i * 7919) % CHANNELS) + 1)));
  line(
    'search (200 queries)',
    await samples(200, (i) => search(big.db, i % 2 ? `kanal${(i * 397) % CHANNELS}` : 'propaganda', {}, 50)),
  );
  big.close('bench');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Rows as imports would leave them, written directly: the size part measures reads, not imports. */
function seedUnitRows(s: VaultSession): void {
  const db = s.db.raw;
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare(`INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES (?, ?, '', 0, ?)`).run(
      '0'.repeat(64),
      '0'.repeat(64),
      now,
    );
    const channel =
      db.prepare(`INSERT INTO channels (platform, kind, key, canonical_url, handle, title, category, status, first_seen, last_seen, created_at, created_by, updated_at)
      VALUES ('telegram', 'channel', ?, ?, ?, ?, 'terorisme', 'active', ?, ?, ?, 'bench', ?)`);
    for (let c = 1; c <= CHANNELS; c++)
      channel.run(`bench:${c}`, `https://t.me/kanal${c}`, `kanal${c}`, `propaganda kanal${c}`, now, now, now, now);
    const pkg =
      db.prepare(`INSERT INTO unit_packages (decision_sha256, tagmanifest_sha256, package_sha256, file_name, blob_name, bytes, encrypted, vault_id,
      reference, title, platform, priority, due_at, analyst_name, analyst_unit, analyst_id, analyst_fingerprint, supervisor_name, supervisor_fingerprint,
      exported_at, approved_at, head_seq, head_hash, custody, imported_at, imported_by)
      VALUES (?, '', '', ?, ?, 0, 0, ?, ?, '', 'telegram', 'normal', ?, ?, '', '', ?, 'Budi', 'fs', ?, ?, ?, '', 'sequence', ?, 'bench')`);
    const source = db.prepare(
      `INSERT OR IGNORE INTO unit_channel_sources (channel_id, package_id, original_url, title, category, status, first_seen) VALUES (?, ?, '', '', 'terorisme', 'active', ?)`,
    );
    const evidence = db.prepare(
      `INSERT INTO evidence (blob_name, sha256, sha512, size, media_type, original_name, intake_at, taken_by, channel_id) VALUES (?, ?, '', 1, 'image/png', ?, ?, 'bench', ?)`,
    );
    const evidenceSource = db.prepare(
      `INSERT INTO unit_evidence_sources (evidence_id, package_id, file, taken_by) VALUES (?, ?, ?, 'bench')`,
    );
    const item = db.prepare(
      `INSERT INTO unit_items (package_id, item_id, kind, canonical_url, channel_id, category, deadline) VALUES (?, ?, 'channel', '', ?, 'terrorist-content', ?)`,
    );
    let packageId = 0;
    for (let a = 0; a < ANALYSTS; a++)
      for (let p = 0; p < PACKAGES; p++) {
        packageId++;
        const at = new Date(Date.UTC(2025, 0, 1) + packageId * 60_000).toISOString();
        pkg.run(
          `d${packageId}`,
          `p${packageId}.zip`,
          '0'.repeat(64),
          `vault-${a}`,
          `JJK/${packageId}`,
          at,
          `Analis ${a}`,
          `fa${a}`,
          at,
          at,
          p + 1,
          at,
        );
        const channels = [packageId % CHANNELS, (packageId * 7) % CHANNELS, (packageId * 13 + 5) % CHANNELS].map(
          (c) => c + 1,
        );
        for (const c of channels) source.run(c, packageId, at);
        item.run(packageId, `i${packageId}`, channels[0], at);
        for (let e = 0; e < EVIDENCE_PER_PACKAGE; e++) {
          const evidenceId = Number(
            evidence.run('0'.repeat(64), `${packageId}-${e}`, `shot-${e}.png`, at, channels[e % 3]).lastInsertRowid,
          );
          evidenceSource.run(evidenceId, packageId, `data/evidence/${e}.png`);
        }
      }
    // the counts the import keeps as it goes, made here in one pass (the catalog's own are kept by triggers)
    db.exec(`INSERT INTO unit_analysts SELECT analyst_fingerprint, analyst_name, count(*), 0, 0 FROM unit_packages GROUP BY analyst_fingerprint;
      UPDATE unit_analysts SET
        channels = (SELECT count(DISTINCT s.channel_id) FROM unit_channel_sources s JOIN unit_packages p ON p.id = s.package_id WHERE p.analyst_fingerprint = fingerprint),
        evidence = (SELECT count(DISTINCT s.evidence_id) FROM unit_evidence_sources s JOIN unit_packages p ON p.id = s.package_id WHERE p.analyst_fingerprint = fingerprint);
      INSERT INTO unit_channel_counts SELECT s.channel_id, count(*), count(DISTINCT p.analyst_fingerprint)
        FROM unit_channel_sources s JOIN unit_packages p ON p.id = s.package_id GROUP BY s.channel_id;
      INSERT INTO unit_vaults SELECT vault_id, count(*), id, max(exported_at) FROM unit_packages GROUP BY vault_id;`);
  })();
}
