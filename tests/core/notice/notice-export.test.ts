import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../electron/core/cases/cases';
import { exportCase } from '../../../electron/core/cases/export-case';
import { addOrFindChannel } from '../../../electron/core/catalog/channels';
import { DEFAULT_CATEGORIES } from '../../../electron/core/catalog/vocabulary';
import { sql } from '../../../electron/core/db/sql';
import { intakeBytes } from '../../../electron/core/evidence/intake';
import { storeRecognisedText } from '../../../electron/core/evidence/recognised-text';
import type { Notice } from '../../../electron/core/notice/notice-types';
import { verifyPackage } from '../../../electron/core/packages';
import type { Policy } from '../../../electron/core/policy/policy';
import type { VaultSession } from '../../../electron/core/vault/session';
import { analystCase, RESOURCES } from '../../fixtures/case';
import { screenshotPng } from '../../fixtures/catalog';
import { newVault, tempDir } from '../../fixtures/temp';
import { schemaValidator } from './schema-validator';

const opts = { language: 'id' as const, resourcesDir: RESOURCES, version: '0.1.0-test' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The unit's categories after the change to the defaults, and one the notice table does not know. */
const POLICY: Policy = {
  categories: [...DEFAULT_CATEGORIES, 'kampanye gelap'],
  notice: {
    organisation: 'Kementerian Komunikasi dan Digital',
    contactEmail: 'aduan.konten@example.go.id',
    preservationDays: 90,
  },
};

async function exported(session: VaultSession, caseId: number, policy: Policy = POLICY) {
  const out = tempDir();
  const zip = join(out, 'package.zip');
  const result = await exportCase(session, policy, caseId, zip, opts);
  const notice = JSON.parse(
    execFileSync('unzip', ['-p', zip, `${result.name}/data/notice.json`], { encoding: 'utf8' }),
  ) as Notice;
  const report = JSON.parse(
    execFileSync('unzip', ['-p', zip, `${result.name}/data/report.json`], { encoding: 'utf8' }),
  );
  return { out, zip, name: result.name, notice, report };
}

const noticeIdInDb = (session: VaultSession, caseId: number) =>
  session.db.get<{ notice_id: string }>(sql`SELECT notice_id FROM cases WHERE id = ${caseId}`)!.notice_id;

describe('data/notice.json of an exported package', () => {
  it('validates against resources/schemas/jejak-notice-1.schema.json with Ajv, and says what the report says', async () => {
    const { session } = await newVault();
    const { kase, evidence } = await analystCase(session);
    const read = 'انضموا إلى قناتنا\nBergabunglah dengan saluran kami';
    storeRecognisedText(session.db, evidence[0]!, { text: read, languages: 'ind+eng+ara' });
    const { notice, report } = await exported(session, kase.id, {});
    const validate = schemaValidator('jejak-notice-1');
    expect(validate(notice), JSON.stringify(validate.errors)).toBe(true);

    expect(notice).toMatchObject({
      format: 'jejak-notice/1',
      reference: kase.reference,
      revision: 1,
      platform: 'telegram',
      priority: 'urgent',
      deadline: kase.dueAt,
      goodFaith: true,
    });
    expect(notice.noticeId).toMatch(UUID);
    expect(notice.noticeId).toBe(noticeIdInDb(session, kase.id));
    const audited = session.db.get<{ details: string }>(
      sql`SELECT details FROM audit WHERE action = 'case.exported' AND subject_id = ${String(kase.id)}`,
    )!;
    expect(JSON.parse(audited.details).noticeId).toBe(notice.noticeId);
    expect(notice.authority).toEqual({
      unit: 'Direktorat Pengendalian Konten',
      organisation: null,
      contactEmail: null,
      country: 'ID',
    });
    expect(notice.analyst.fingerprint).toBe(report.analyst.fingerprint);
    expect(notice.signer).toEqual({ role: 'analyst', fingerprint: report.analyst.fingerprint });
    expect(notice.legalBasis).toEqual({
      provision: 'UU No. 5 Tahun 2018',
      referenceUrl: null,
      explanation: 'Propaganda ISIS di Telegram',
    });
    expect(notice).toMatchObject({ requestedAction: 'remove', preservationDays: 180 });
    expect(notice.response).toMatchObject({
      format: 'jejak-response/1',
      schema: 'urn:jejak:schema:jejak-response-1',
      noticeId: notice.noticeId,
    });

    expect(notice.evidence.map((e) => e.path)).toEqual(report.evidence.map((e: { file: string }) => e.file));
    expect(notice.evidence).toHaveLength(evidence.length);
    for (const [i, e] of notice.evidence.entries()) {
      expect(e).toMatchObject({
        sha256: `sha256:${report.evidence[i].sha256}`,
        sha512: `sha512:${report.evidence[i].sha512}`,
        size: report.evidence[i].size,
        mediaType: 'image/png',
      });
      expect(e.perceptualHash).toMatch(/^pdq:[0-9a-f]{64}$/);
      expect(report.evidence[i].perceptualHash).toBe(e.perceptualHash);
    }
    // the text OCR read travels with its item, in the notice and in report.json
    expect(notice.evidence.map((e) => e.recognisedText)).toEqual([read, undefined, undefined, undefined]);
    expect(report.evidence.map((e: { recognisedText: string | null }) => e.recognisedText)).toEqual([
      read,
      null,
      null,
      null,
    ]);

    // three channels, then the post whose link was pasted (t.me/kajian_hijrah/88 keeps message 88)
    expect(notice.items.map((i) => [i.kind, i.canonicalUrl])).toEqual([
      ['channel', 'https://t.me/daulahmedia'],
      ['channel', 'https://t.me/kajian_hijrah'],
      ['channel', 'https://www.youtube.com/@propagandachannel'],
      ['post', 'https://t.me/kajian_hijrah/88'],
    ]);
    const [daulah, kajian, , post] = notice.items;
    expect(daulah).toMatchObject({
      originalUrls: ['https://t.me/s/DaulahMedia'],
      identifiers: { username: 'DaulahMedia', channelId: null, messageIds: [] },
      title: 'Daulah Media',
    });
    expect(daulah!.evidence).toEqual([notice.evidence[0]!.path, notice.evidence[3]!.path]);
    expect(post).toMatchObject({
      parentItemId: kajian!.itemId,
      originalUrls: ['https://t.me/kajian_hijrah/88'],
      identifiers: { username: 'kajian_hijrah', messageIds: ['88'] },
    });
    for (const item of notice.items) {
      expect(item).toMatchObject({ category: 'terrorist-content', unitCategory: 'terorisme', language: null });
      expect(item.itemId).toMatch(UUID);
    }
    expect(new Set(notice.items.map((i) => i.itemId)).size).toBe(notice.items.length);
    session.close('test');
  });

  it('maps each category through the one table, keeps Telegram ids, and takes the unit contact from policy', async () => {
    const { session } = await newVault();
    await analystCase(session);
    const channel = (url: string, category: string) => addOrFindChannel(session, POLICY, { url, category }).id;
    const pinjol = channel('https://t.me/c/1234567890/55', 'pinjol ilegal');
    const gelap = channel('t.me/kampanye_gelap', 'kampanye gelap');
    const judi = channel('@slot_gacor', 'judi online');
    const video = channel('https://youtu.be/dQw4w9WgXcQ', 'hoaks');
    const shot = await intakeBytes(session, POLICY, await screenshotPng(7), {
      originalName: 'post.png',
      sourceUrl: 'https://t.me/slot_gacor/7',
      capturedAt: '2026-11-28T10:15:00+07:00',
    });
    const kase = createCase(session, POLICY, {
      title: 'Pinjol dan judi',
      platform: 'telegram',
      legalBasis: 'PP 71/2019 https://peraturan.example.go.id/pp71-2019.',
      notes: 'Menawarkan pinjaman tanpa izin.',
      channelIds: [pinjol, gelap, judi, video],
      evidenceIds: [shot.evidenceId],
    });
    const { notice } = await exported(session, kase.id);
    const validate = schemaValidator('jejak-notice-1');
    expect(validate(notice), JSON.stringify(validate.errors)).toBe(true);

    expect(notice.authority).toEqual({
      unit: 'Direktorat Pengendalian Konten',
      organisation: 'Kementerian Komunikasi dan Digital',
      contactEmail: 'aduan.konten@example.go.id',
      country: 'ID',
    });
    expect(notice.response.contactEmail).toBe('aduan.konten@example.go.id');
    expect(notice.preservationDays).toBe(90);
    expect(notice.legalBasis).toEqual({
      provision: 'PP 71/2019 https://peraturan.example.go.id/pp71-2019.',
      referenceUrl: 'https://peraturan.example.go.id/pp71-2019',
      explanation: 'Pinjol dan judi\n\nMenawarkan pinjaman tanpa izin.',
    });
    expect(notice.items.map((i) => [i.kind, i.category, i.unitCategory])).toEqual([
      ['channel', 'illegal-lending', 'pinjol ilegal'],
      ['channel', 'other', 'kampanye gelap'],
      ['channel', 'gambling', 'judi online'],
      ['post', 'disinformation', 'hoaks'],
      ['post', 'illegal-lending', 'pinjol ilegal'],
      ['post', 'gambling', 'judi online'],
    ]);
    const [privateChannel, , slot, videoItem, privatePost, slotPost] = notice.items;
    // a video link names the video, not its channel: the video is the item, not a post of one
    expect(videoItem).toMatchObject({
      canonicalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      parentItemId: null,
      identifiers: { messageIds: ['dQw4w9WgXcQ'] },
    });
    expect(privateChannel!.identifiers).toEqual({ username: null, channelId: '1234567890', messageIds: [] });
    expect(privatePost).toMatchObject({
      canonicalUrl: 'https://t.me/c/1234567890/55',
      parentItemId: privateChannel!.itemId,
      identifiers: { username: null, channelId: '1234567890', messageIds: ['55'] },
    });
    // a post known only from the evidence taken from it
    expect(slotPost).toMatchObject({
      canonicalUrl: 'https://t.me/slot_gacor/7',
      parentItemId: slot!.itemId,
      originalUrls: ['https://t.me/slot_gacor/7'],
      contentType: ['image'],
      evidence: [notice.evidence[0]!.path],
    });
    expect(slotPost!.identifiers.messageIds).toEqual(['7']);
    expect(notice.evidence[0]!.capturedAt).toBe('2026-11-28T03:15:00.000Z');
    session.close('test');
  });

  it('keeps the notice id and item ids across exports of a case; another case has its own', async () => {
    const { session } = await newVault();
    const { kase, channels } = await analystCase(session);
    const first = await exported(session, kase.id, {});
    const second = await exported(session, kase.id, {});
    expect(second.notice.noticeId).toBe(first.notice.noticeId);
    expect(second.notice.items.map((i) => i.itemId)).toEqual(first.notice.items.map((i) => i.itemId));
    const other = createCase(session, {}, { title: 'Kasus lain', platform: 'telegram', channelIds: [channels[0]!] });
    const third = await exported(session, other.id, {});
    expect(third.notice.noticeId).not.toBe(first.notice.noticeId);
    expect(third.notice.items[0]!.canonicalUrl).toBe(first.notice.items[0]!.canonicalUrl);
    expect(third.notice.items[0]!.itemId).not.toBe(first.notice.items[0]!.itemId);
    expect(third.notice.legalBasis.provision).toBeNull();
    session.close('test');
  });

  it('a notice edited by hand fails verify, naming the field', async () => {
    const { session } = await newVault();
    const { kase } = await analystCase(session);
    const { out, zip, name } = await exported(session, kase.id, {});
    expect((await verifyPackage(zip)).checks.find((c) => c.id === 'notice')).toMatchObject({ ok: true });
    execFileSync('unzip', ['-q', zip, '-d', out]);
    const file = join(out, name, 'data', 'notice.json');
    const notice = JSON.parse(readFileSync(file, 'utf8'));
    notice.items[0].category = 'spam';
    writeFileSync(file, JSON.stringify(notice, null, 2));
    const edited = join(out, 'edited.zip');
    execFileSync('zip', ['-q', '-r', '-X', '-D', edited, name], { cwd: out });
    const result = await verifyPackage(edited);
    expect(result.verdict).toBe('invalid');
    expect(result.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual([
      'payload-oxum',
      'manifest-sha256',
      'manifest-sha512',
      'notice',
    ]);
    expect(result.checks.find((c) => c.id === 'notice')!.detail).toMatch(
      /^\/items\/0\/category: must be one of "terrorist-content"/,
    );
    session.close('test');
  });

  it("refuses to write a notice that does not check (Jejak's own bug): INTERNAL naming the field, nothing written", async () => {
    const { session } = await newVault();
    const { kase } = await analystCase(session);
    session.db.run(sql`UPDATE cases SET notice_id = 'not-a-uuid' WHERE id = ${kase.id}`);
    const out = tempDir();
    await expect(exportCase(session, POLICY, kase.id, join(out, 'package.zip'), opts)).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('/noticeId: must match pattern'),
    });
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(join(out, 'package.zip'))).toBe(false);
    session.close('test');
  });
});
