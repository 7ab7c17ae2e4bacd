import { readReport } from '../../common/report-json';
import type { Result } from '../../contract';
import { parseEvidencePath } from '../packages/bag-names';
import { type VerifyResult, signedTagmanifest } from '../packages/verify-source';

/**
 * A verified package as the review screens show it: the app's review (through IPC) and the browser
 * verifier page both draw this, so what a recipient sees is what a supervisor sees.
 */
export type PackageView = Omit<Result<'review.openPath'>, 'reviewId' | 'fileName'>;

const MEDIA_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  webm: 'video/webm',
  pdf: 'application/pdf',
  json: 'application/json',
  csv: 'text/csv',
  jsonl: 'application/jsonl',
};

/**
 * The payload's files: the documents in the ZIP's order, then the evidence in item order (the
 * number its name begins with). Jejak writes the originals largest first (write-payload.ts), and a
 * package zipped again may hold them in any order.
 */
export function payloadList(result: VerifyResult): Array<{ file: string; mediaType: string }> {
  const prefix = result.name ? `${result.name}/` : '';
  const files = (result.entries ?? [])
    .map((e) => (e.startsWith(prefix) ? e.slice(prefix.length) : e))
    // folder entries of a re-zipped package ("data/", "data/evidence/") are no payload files
    .filter((e) => e.startsWith('data/') && !e.endsWith('/'));
  const itemNumber = (file: string) => parseEvidencePath(file.slice('data/'.length))?.seq ?? -1;
  return files
    .map((file, i) => ({ file, i, item: itemNumber(file) }))
    .sort((a, b) => a.item - b.item || a.i - b.i)
    .map(({ file }) => ({
      file,
      mediaType: MEDIA_BY_EXTENSION[file.split('.').pop() ?? ''] ?? 'application/octet-stream',
    }));
}

/** The payload of an invalid package is not offered for viewing. */
export function packageView(r: VerifyResult): PackageView {
  return {
    encrypted: r.encrypted ?? false,
    verdict: r.verdict,
    checks: r.checks.map((c) => ({ id: c.id, ok: c.ok, detail: c.detail, phrases: c.phrases })),
    trustDetail: r.trustDetail,
    trustPhrases: r.trustPhrases,
    timestamps: r.timestamps.map((t) => ({
      file: t.file,
      seq: t.seq,
      tsa: t.tsa,
      genTime: t.genTime,
      trusted: t.trusted,
      ...(t.untrusted ? { untrusted: t.untrusted } : {}),
      ...(t.untrustedPhrase ? { untrustedPhrase: t.untrustedPhrase } : {}),
    })),
    statements: r.statements.map((s) => ({
      file: s.file,
      role: s.role,
      decision: s.decision,
      comment: s.comment,
      signer: { name: s.signer.name, unit: s.signer.unit, id: s.signer.id, fingerprint: s.signer.fingerprint },
      signedAt: s.signedAt,
      trusted: s.trusted,
      valid: s.valid,
      review: s.review ?? [],
    })),
    bagInfo: r.bagInfo ?? {},
    // what the analyst signed, shown in the decision's confirmation
    tagmanifestSha256: signedTagmanifest(r),
    report: readReport(r.report),
    payload: r.verdict === 'invalid' ? [] : payloadList(r),
  };
}
