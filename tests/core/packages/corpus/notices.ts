import { join } from 'node:path';
import { writePackage } from '../../../../electron/core/packages';
import { bufferPayload, makeSigner, sampleInput } from '../helpers';

/**
 * data/notice.json edited by someone holding a signing key, the package written and signed again,
 * so that every bag and signature check passes and the notice check alone must catch it.
 * notice.test.ts asserts each verdict and the field it names; the browser verifier spec compares
 * the page's verdict with verifyPackage's.
 */

export type NoticeJson = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- edits reach anywhere in the notice

export const NOTICE_NOW = new Date('2026-11-28T04:00:00Z');

/** The sample package with its notice edited (or replaced by the bytes `edit` returns), freshly signed, written in `dir`. */
export async function withEditedNotice(dir: string, edit: (notice: NoticeJson) => void | Buffer): Promise<string> {
  const sample = sampleInput(makeSigner('analyst'));
  const notice = JSON.parse(sample.files.get('notice.json')!.toString('utf8')) as NoticeJson;
  const replaced = edit(notice);
  const bytes = Buffer.isBuffer(replaced) ? replaced : Buffer.from(JSON.stringify(notice, null, 2));
  sample.input.payload = sample.input.payload.map((p) =>
    p.path === 'notice.json' ? bufferPayload('notice.json', bytes) : p,
  );
  return (await writePackage(sample.input, join(dir, 'p.zip'), { now: NOTICE_NOW })).path;
}

/** Each edit, and what the notice check must say (the detail, whole). */
export const NOTICE_EDITS: Array<[string, (n: NoticeJson) => void | Buffer, RegExp]> = [
  [
    'a category outside the enumeration',
    (n) => void (n.items[0].category = 'spam'),
    /^\/items\/0\/category: must be one of "terrorist-content", .*"other"$/,
  ],
  [
    'a field the format does not have',
    (n) => void (n.items[0].priority = 'high'),
    /^\/items\/0\/priority: is not a field of this format$/,
  ],
  ['a required field removed', (n) => void delete n.goodFaith, /^\/goodFaith: is missing$/],
  ['good faith not stated', (n) => void (n.goodFaith = false), /^\/goodFaith: must be true$/],
  [
    'an explanation over 2,000 characters',
    (n) => void (n.legalBasis.explanation = 'x'.repeat(2001)),
    /^\/legalBasis\/explanation: must NOT have more than 2000 characters$/,
  ],
  ['another format', (n) => void (n.format = 'jejak-notice/2'), /^\/format: must be "jejak-notice\/1"$/],
  ['a deadline not in UTC', (n) => void (n.deadline = '2026-11-29T11:00:00+07:00'), /^\/deadline: must match pattern/],
  [
    'a notice id that is not a UUID',
    (n) => void (n.noticeId = 'KOMINFO-42'),
    /^\/noticeId: must match pattern "[^"]+"$/,
  ],
  [
    'a contact that is not an e-mail address',
    (n) => void (n.authority.contactEmail = 'aduan di kominfo'),
    /^\/authority\/contactEmail: must match format "email"$/,
  ],
  [
    'another case reference',
    (n) => void (n.reference = 'KOMINFO/2026/11/0043'),
    /^\/reference: is not the External-Identifier "KOMINFO\/2026\/11\/0042"$/,
  ],
  [
    'another analyst',
    (n) => void (n.analyst.fingerprint = 'a'.repeat(64)),
    /^\/analyst\/fingerprint: is not the analyst who signed the first statement$/,
  ],
  [
    'another signer',
    (n) => void (n.signer.fingerprint = 'b'.repeat(64)),
    /^\/signer\/fingerprint: is not the key that signed the first statement$/,
  ],
  [
    'a response quoting another notice',
    (n) => void (n.response.noticeId = '11111111-1111-4111-8111-111111111111'),
    /^\/response\/noticeId: is not the noticeId$/,
  ],
  [
    'a SHA-256 that is not the file',
    (n) => void (n.evidence[1].sha256 = `sha256:${'0'.repeat(64)}`),
    /^\/evidence\/1\/sha256: differs from data\/evidence\/002-/,
  ],
  [
    'a SHA-512 that is not the file',
    (n) => void (n.evidence[0].sha512 = `sha512:${'0'.repeat(128)}`),
    /^\/evidence\/0\/sha512: differs from data\/evidence\/001-/,
  ],
  [
    'a size that is not the file',
    (n) => void (n.evidence[2].size += 1),
    /^\/evidence\/2\/size: differs from data\/evidence\/003-/,
  ],
  [
    'an evidence file left out',
    (n) => void n.evidence.pop(),
    /^\/evidence: does not list data\/evidence\/003-[0-9a-f]{12}; \/items\/0\/evidence\/2: .* is not in \/evidence$/,
  ],
  [
    'an evidence file listed twice',
    (n) => void n.evidence.push(n.evidence[0]),
    /^\/evidence\/3\/path: data\/evidence\/001-[0-9a-f]{12}\.png is listed twice$/,
  ],
  [
    'two items with one id',
    (n) => void n.items.push({ ...n.items[0] }),
    /^\/items\/1\/itemId: is used by an earlier item$/,
  ],
  [
    'a post of an item not in the notice',
    (n) =>
      void n.items.push({
        ...n.items[0],
        itemId: '22222222-2222-4222-8222-222222222222',
        kind: 'post',
        parentItemId: '33333333-3333-4333-8333-333333333333',
      }),
    /^\/items\/1\/parentItemId: is not an item of this notice$/,
  ],
  ['bytes that are not JSON', () => Buffer.from('{"format": "jejak-notice/1",'), /^data\/notice\.json is not JSON$/],
  ['bytes that are not UTF-8', () => Buffer.from([0x7b, 0xff, 0x7d]), /^data\/notice\.json is missing or not UTF-8$/],
];
