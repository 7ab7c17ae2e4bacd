import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotPng } from '../fixtures/catalog';
import { cliWorkspace } from '../fixtures/cli';
import { truncateAuditTail } from '../fixtures/vault-attacker';
import {
  ageRecipientOf,
  decide,
  exportCase,
  importRoster,
  packageHeadSeq,
  rosterEntry,
  unitDesk,
  vaultOf,
} from '../fixtures/unit-packages';

/** The unit's policy: every vault names who works in it. */
const STRICT = { allowAnonymousVault: false };

const blobCount = (vault: string) =>
  readdirSync(join(vault, 'blobs'), { recursive: true }).filter((f) =>
    /^[0-9a-f]{64}$/.test(String(f).split('/').pop()!),
  ).length;

describe('jejak CLI: the unit catalog merges approved packages from many analysts', () => {
  it('two analysts with an overlapping channel and one identical screenshot: one channel with two sources, one stored blob; the same file again changes nothing; untrusted, analyst-only, returned and hostile packages are refused with their verdict', async () => {
    const sari = vaultOf(cliWorkspace(STRICT), { name: 'Sari Analis', id: 'NIP-1', role: 'analyst' });
    const rudi = vaultOf(cliWorkspace(STRICT), { name: 'Rudi Analis', id: 'NIP-3', role: 'analyst' });
    const budi = vaultOf(cliWorkspace(STRICT), { name: 'Budi Supervisor', id: 'NIP-2', role: 'supervisor' });
    const unit = vaultOf(cliWorkspace(STRICT), { name: 'Meja Arsip', id: 'NIP-9', role: 'unit' });
    const shared = await screenshotPng(700);
    const fromSari = exportCase(sari, {
      title: 'Propaganda A',
      name: 'sari',
      channels: ['https://t.me/s/DaulahMedia', 'https://t.me/kanal_satu'],
      shots: [shared, await screenshotPng(701)],
    });
    const fromRudi = exportCase(rudi, {
      title: 'Propaganda B',
      name: 'rudi',
      channels: ['t.me/daulahmedia', 'https://t.me/kanal_dua'],
      shots: [shared, await screenshotPng(702)],
    });
    const approvedSari = decide(budi, fromSari, 'approve', 'sari-approved');
    const approvedRudi = decide(budi, fromRudi, 'approve', 'rudi-approved');
    const returnedSari = decide(budi, fromSari, 'return', 'sari-returned');

    // Nobody is in the unit's roster yet: valid, but untrusted (exit 3), nothing taken in.
    const untrusted = unit.run(['unit', 'import', approvedSari]);
    expect(untrusted.code).toBe(3);
    expect(untrusted.stderr).toMatch(
      /Verdict: valid-untrusted\. Not in this unit's trust roster: Sari Analis .* as analyst, Budi Supervisor .* as supervisor/,
    );
    importRoster(unit, [
      rosterEntry(sari, 'Sari Analis', 'analyst'),
      rosterEntry(rudi, 'Rudi Analis', 'analyst'),
      rosterEntry(budi, 'Budi Supervisor', 'supervisor'),
    ]);

    const exportOnly = unit.run(['unit', 'import', fromSari]);
    expect(exportOnly.code).toBe(1);
    expect(exportOnly.stderr).toMatch(/Verdict: valid-trusted, but the package carries only the analyst's statement/);
    const returned = unit.run(['unit', 'import', returnedSari]);
    expect(returned.code).toBe(1);
    expect(returned.stderr).toMatch(/Verdict: valid-trusted, but the last statement is Budi Supervisor .*"returned"/);
    const hostile = join(unit.dir, 'hostile.zip');
    const bytes = readFileSync(approvedSari);
    // one byte of the first screenshot's data, well past its local header
    const at = bytes.indexOf(Buffer.from('/data/evidence/')) + 400;
    expect(at).toBeGreaterThan(400);
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(hostile, bytes);
    const refused = unit.run(['unit', 'import', hostile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Verdict: invalid \(/);
    expect(unit.run(['unit', 'import', join(unit.dir, 'missing.zip')]).code).toBe(2);
    expect(JSON.parse(unit.run(['unit', 'status', '--json']).stdout).packages).toBe(0);
    expect(unit.run(['channel', 'list']).stdout.trim()).toBe('No channels.');

    const both = unit.run(['unit', 'import', approvedSari, approvedRudi]);
    expect(both.code, both.stderr).toBe(0);
    const [first, second] = both.stdout.trim().split('\n');
    expect(first).toMatch(
      /^Imported: sari-approved\.zip .*channels 2 \(2 new, 0 merged\), evidence 2 \(2 stored, 0 already held/,
    );
    expect(second).toMatch(
      /^Imported: rudi-approved\.zip .*channels 2 \(1 new, 1 merged\), evidence 2 \(1 stored, 1 already held/,
    );

    const channels = unit.run(['channel', 'list']).stdout.trim().split('\n');
    expect(channels).toHaveLength(3);
    const history = unit.run(['unit', 'history', 'https://t.me/daulahmedia']).stdout.trim().split('\n');
    expect(history).toHaveLength(2);
    expect(history[0]).toMatch(/\tSari Analis\tapproved by Budi Supervisor\thttps:\/\/t\.me\/s\/DaulahMedia\t/);
    expect(history[1]).toMatch(/\tRudi Analis\tapproved by Budi Supervisor\tt\.me\/daulahmedia\t/);
    const status = JSON.parse(unit.run(['unit', 'status', '--json']).stdout);
    expect(status.packages).toBe(2);
    expect(status.catalog.channels).toBe(3);
    expect(status.catalog.evidence).toBe(3);
    expect(
      status.analysts
        .map((a: { name: string; channels: number; evidence: number }) => [a.name, a.channels, a.evidence])
        .sort(),
    ).toEqual([
      ['Rudi Analis', 2, 2],
      ['Sari Analis', 2, 2],
    ]);
    expect(status.vaults).toHaveLength(2);
    // three originals and the two packages themselves, each stored once, encrypted
    expect(blobCount(unit.vault)).toBe(5);
    expect(unit.run(['search', 'DaulahMedia']).stdout).toMatch(/daulahmedia/i);

    const again = unit.run(['unit', 'import', approvedRudi]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Already imported: rudi-approved\.zip .*nothing changed/);
    expect(JSON.parse(unit.run(['unit', 'status', '--json']).stdout)).toEqual(status);
    expect(blobCount(unit.vault)).toBe(5);

    // the same lines in Bahasa Indonesia
    const againId = unit.run(['unit', 'import', approvedRudi, join(unit.dir, 'missing.zip')], { JEJAK_LANG: 'id' });
    expect(againId.stdout).toMatch(/^Sudah diimpor: rudi-approved\.zip .*; tidak ada yang berubah\.$/m);
    expect(againId.stderr).toMatch(/^jejak: Ditolak .*missing\.zip: /m);
    const statusId = unit.run(['unit', 'status'], { JEJAK_LANG: 'id' }).stdout;
    expect(statusId).toMatch(
      /^Paket: 2 \(0 ditandai rantai penjagaannya\)\nKanal: 3, bukti: 3, item lewat tenggat: \d+\n/,
    );
    expect(statusId).toContain('Per kategori: Terorisme 3\nPer status: Aktif 3\nPer analis:\n');
    expect(statusId).toMatch(/^ {2}Sari Analis\t1 paket\t2 kanal\t2 bukti$/m);
    expect(statusId).toMatch(/^Kepala audit terakhir yang terlihat per brankas:\n {2}\S+\t\S+ Analis\tentri \d+ /m);
    expect(unit.run(['unit', 'status', '--lang', 'en']).stdout).toMatch(
      /^Packages: 2 \(0 custody flagged\)\nChannels: 3/,
    );
    expect(unit.run(['audit', 'verify']).code).toBe(0);
  }, 600_000); // some 40 CLI runs, each unlocking a vault: slow on a loaded machine

  it('a package from a vault whose audit log was truncated after an earlier package is flagged, naming both packages', async () => {
    const { sari, budi, unit } = unitDesk(() => cliWorkspace(STRICT));
    // a busy vault: many entries before the first package
    const list = join(sari.dir, 'channels.txt');
    writeFileSync(list, Array.from({ length: 40 }, (_, i) => `https://t.me/kanal_${i}`).join('\n'));
    expect(sari.run(['channel', 'import', list]).code).toBe(0);
    // the first package travels age-encrypted: for the supervisor, then the approval for the unit
    const first = decide(
      budi,
      exportCase(sari, {
        title: 'Pertama',
        name: 'first',
        channels: ['https://t.me/s/DaulahMedia'],
        shots: [await screenshotPng(801)],
        recipient: ageRecipientOf(budi),
      }),
      'approve',
      'first-approved',
      ageRecipientOf(unit),
    );
    const imported = unit.run(['unit', 'import', first]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).not.toMatch(/CUSTODY/);

    // Someone with the passphrase cuts the log back to its first entries (below the head the
    // encrypted package recorded, as the unit keeps it per vault); the analyst works on.
    const firstHead = (
      JSON.parse(unit.run(['unit', 'status', '--json']).stdout) as { vaults: Array<{ headSeq: number }> }
    ).vaults[0]!.headSeq;
    await truncateAuditTail(sari.vault, firstHead - 3);
    const second = decide(
      budi,
      exportCase(sari, {
        title: 'Kedua',
        name: 'second',
        channels: ['https://t.me/kanal_baru'],
        shots: [await screenshotPng(802)],
      }),
      'approve',
      'second-approved',
    );
    expect(packageHeadSeq(second)).toBeLessThan(firstHead);

    const flagged = unit.run(['unit', 'import', second]);
    expect(flagged.code, flagged.stderr).toBe(0);
    expect(flagged.stdout).toMatch(
      /CUSTODY TRUNCATED: second-approved\.zip records the vault's audit head at entry \d+, but first-approved\.zip\.age, exported earlier from the same vault, recorded entry \d+/,
    );
    const listed = unit.run(['unit', 'packages', '--flagged']).stdout.trim().split('\n');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatch(/second-approved\.zip.*\ttruncated\t.*first-approved\.zip\.age/);
  }, 600_000); // some 40 CLI runs, each unlocking a vault: slow on a loaded machine
});
