import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDecisionPackage } from '../../../electron/core/cases/case-decisions';
import { setCaseStatus } from '../../../electron/core/cases/case-status';
import { createCase, getCase } from '../../../electron/core/cases/cases';
import { receiveDecision } from '../../../electron/core/cases/receive-decision';
import { sql } from '../../../electron/core/db/sql';
import { getEvidence } from '../../../electron/core/evidence/evidence-repo';
import { analystCase } from '../../fixtures/case';
import { POLICY } from '../../fixtures/catalog';
import { newVault, tempDir } from '../../fixtures/temp';
import {
  analystAndSupervisor,
  decide,
  evidenceOf,
  exportLatest,
  supervisorVault,
  trust,
} from '../../fixtures/two-vaults';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const auditCount = (s: { db: { get<T>(q: unknown): T | undefined } }) =>
  s.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit`)!.n;

describe('receiving the supervisor decision', () => {
  it('a returned package moves the case to returned with each item comment mapped to its evidence and channel, and is kept to hand over again', async () => {
    const { analyst, supervisor, kase, evidence, channels } = await analystAndSupervisor();
    const r1 = await exportLatest(analyst, kase.id);
    const files = await evidenceOf(r1.path);
    const returned = await decide(supervisor, r1.path, {
      decision: 'returned',
      comment: 'Perbaiki bukti kedua.',
      items: [{ file: files[1]!, verdict: 'problem', comment: 'Tangkapan layar terpotong, nama kanal tidak terlihat' }],
    });

    const outcome = await receiveDecision(analyst, POLICY, returned, { caseId: kase.id });
    expect(outcome).toMatchObject({
      outcome: 'received',
      status: 'returned',
      decision: 'returned',
      comment: 'Perbaiki bukti kedua.',
      problems: 1,
      signer: { name: 'Budi Supervisor' },
    });
    const detail = getCase(analyst, kase.id);
    expect(detail.status).toBe('returned');
    expect(detail.history.at(-1)).toMatchObject({ status: 'returned', note: 'Perbaiki bukti kedua.' });
    const [received] = detail.decisions;
    expect(received).toMatchObject({
      revision: 1,
      decision: 'returned',
      signer: { name: 'Budi Supervisor', unit: 'Direktorat Pengendalian Konten' },
      fileName: 'decided.zip',
    });
    // evidence[1] is the second file in the package; analystCase links it to the second channel.
    expect(received!.items).toEqual([
      {
        file: files[1],
        verdict: 'problem',
        comment: 'Tangkapan layar terpotong, nama kanal tidak terlihat',
        evidenceId: evidence[1],
        channelId: channels[1],
      },
    ]);
    expect(getEvidence(analyst, evidence[1]!).channelId).toBe(channels[1]);

    // The package itself stays in the vault, encrypted, and comes out byte for byte.
    const again = join(tempDir(), 'again.zip');
    expect(await exportDecisionPackage(analyst, POLICY, received!.id, again)).toMatchObject({
      sha256: sha256(readFileSync(returned)),
    });
    expect(readFileSync(again).equals(readFileSync(returned))).toBe(true);
    const entry = analyst.db.get<{ details: string }>(
      sql`SELECT details FROM audit WHERE action = 'case.status-changed' ORDER BY seq DESC LIMIT 1`,
    )!;
    expect(JSON.parse(entry.details)).toMatchObject({
      status: 'returned',
      via: 'package',
      tagmanifestSha256: r1.tagmanifestSha256,
      signer: { name: 'Budi Supervisor' },
      problems: 1,
    });

    // Nothing can mark a returned export as submitted; it becomes a new draft revision.
    expect(() => setCaseStatus(analyst, kase.id, 'submitted')).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_STEP' }),
    );
    setCaseStatus(analyst, kase.id, 'draft');
    expect(getCase(analyst, kase.id)).toMatchObject({
      status: 'draft',
      revision: 2,
      reference: `${kase.reference}-r2`,
    });
    analyst.close('test');
    supervisor.close('test');
  });

  it('the same decision twice changes nothing and says so, even re-zipped under another name', async () => {
    const { analyst, supervisor, kase } = await analystAndSupervisor();
    const { path } = await exportLatest(analyst, kase.id);
    const approved = await decide(supervisor, path, {
      decision: 'approved',
      comment: '',
      withoutItemReview: { reason: 'Diperiksa bersama di rapat' },
    });
    expect((await receiveDecision(analyst, POLICY, approved)).outcome).toBe('received');
    const before = auditCount(analyst);
    const copy = join(tempDir(), 'salinan.zip');
    copyFileSync(approved, copy);
    const second = await receiveDecision(analyst, POLICY, copy, { caseId: kase.id });
    expect(second).toMatchObject({ outcome: 'already-received', status: 'approved', decision: 'approved' });
    expect(second.comment).toBe(
      'Disetujui tanpa tinjauan per item / Approved without item review: Diperiksa bersama di rapat',
    );
    expect(auditCount(analyst)).toBe(before);
    expect(getCase(analyst, kase.id).decisions).toHaveLength(1);
    analyst.close('test');
    supervisor.close('test');
  });

  it('refuses, naming why and recording nothing: an export with no decision, another case, another vault, an older export', async () => {
    const { analyst, supervisor, kase, channels } = await analystAndSupervisor();
    const r1 = await exportLatest(analyst, kase.id, 'r1.zip');
    await expect(receiveDecision(analyst, POLICY, r1.path)).rejects.toMatchObject({ code: 'NOT_A_DECISION' });

    const other = createCase(analyst, POLICY, {
      title: 'Kasus lain',
      platform: 'telegram',
      channelIds: [channels[0]!],
    });
    const returned = await decide(
      supervisor,
      r1.path,
      { decision: 'returned', comment: 'Kurang bukti' },
      'r1-returned.zip',
    );
    await expect(receiveDecision(analyst, POLICY, returned, { caseId: other.id })).rejects.toMatchObject({
      code: 'OTHER_CASE',
      message: expect.stringContaining(`the decision on ${kase.reference}, not on ${other.reference}`),
    });

    const { session: stranger } = await newVault('stranger');
    await analystCase(stranger, 'Dewi Analis');
    trust(stranger, supervisor, 'supervisor');
    await expect(receiveDecision(stranger, POLICY, returned)).rejects.toMatchObject({
      code: 'OTHER_VAULT',
      message: expect.stringContaining('exported from another vault'),
    });

    // The return is received, the case revised and exported again: a late approval of r1 is refused.
    const lateApproval = await decide(
      supervisor,
      r1.path,
      { decision: 'approved', comment: '', withoutItemReview: { reason: 'sudah cukup' } },
      'r1-approved.zip',
    );
    await receiveDecision(analyst, POLICY, returned);
    setCaseStatus(analyst, kase.id, 'draft');
    await exportLatest(analyst, kase.id, 'r2.zip');
    const before = auditCount(analyst);
    await expect(receiveDecision(analyst, POLICY, lateApproval)).rejects.toMatchObject({
      code: 'OLDER_EXPORT',
      message: expect.stringContaining('earlier export'),
    });
    expect(getCase(analyst, kase.id).status).toBe('exported');
    expect(auditCount(analyst)).toBe(before);
    for (const s of [analyst, supervisor, stranger]) s.close('test');
  });

  it('refuses an invalid package with its failing checks, and a decision by a supervisor outside the roster (valid but untrusted)', async () => {
    const { session: analyst } = await newVault('analyst');
    const { kase } = await analystCase(analyst);
    const supervisor = await supervisorVault('Rudi Supervisor', 'NIP-9');
    const { path } = await exportLatest(analyst, kase.id);
    const returned = await decide(supervisor, path, { decision: 'returned', comment: 'Periksa lagi' });
    await expect(receiveDecision(analyst, POLICY, returned)).rejects.toMatchObject({
      code: 'UNTRUSTED',
      message: expect.stringContaining('Rudi Supervisor'),
    });

    const bytes = readFileSync(returned);
    bytes[Math.floor(bytes.length / 3)]! ^= 1;
    const broken = join(tempDir(), 'rusak.zip');
    writeFileSync(broken, bytes);
    await expect(receiveDecision(analyst, POLICY, broken)).rejects.toMatchObject({
      code: 'INTEGRITY',
      message: expect.stringMatching(/The package is invalid \(.+\); nothing was recorded/),
    });
    expect(getCase(analyst, kase.id)).toMatchObject({ status: 'exported', decisions: [] });
    expect(analyst.db.get(sql`SELECT 1 FROM case_decisions`)).toBeUndefined();

    trust(analyst, supervisor, 'supervisor');
    expect((await receiveDecision(analyst, POLICY, returned)).status).toBe('returned');
    analyst.close('test');
    supervisor.close('test');
  });
});
