import { JejakError } from '../errors';
import { decodeUtf8, type FileFacts } from '../packages/checks';
import type { EvidenceFacts } from '../packages/report-check';
import { formatProblem, noticeSchemaProblems } from './schemas';

/**
 * data/notice.json against its schema and against the bag: the same case, the same analyst and
 * signer, and exactly the bag's evidence files with their hashes and sizes. Export runs it before
 * writing (a failure there is our bug), verify after reading. Every problem names the field.
 */

/** What the bag says of one evidence file: from the manifests, and from reading the file itself. */
export interface NoticeEvidenceFacts {
  sha256: readonly string[];
  sha512: readonly string[];
  size: number;
}

export interface NoticeContext {
  externalIdentifier?: string;
  /** the signer of statement 1 */
  analystFingerprint?: string;
  /** bag path (data/evidence/…) → facts */
  evidence: ReadonlyMap<string, NoticeEvidenceFacts>;
}

type Json = Record<string, unknown>;

/** Per evidence file: its hashes in the manifests and, when it was read, the hashes of its bytes. */
export function noticeEvidenceFacts(
  manifests: ReadonlyMap<string, EvidenceFacts>,
  files: ReadonlyMap<string, FileFacts>,
): Map<string, NoticeEvidenceFacts> {
  const known = (...hashes: Array<string | undefined>) => hashes.filter((h): h is string => h !== undefined);
  return new Map(
    [...manifests].map(([path, f]) => [
      path,
      {
        sha256: known(f.sha256, files.get(path)?.sha256),
        sha512: known(f.sha512, files.get(path)?.sha512),
        size: f.size,
      },
    ]),
  );
}

export function noticeProblems(value: unknown, ctx: NoticeContext): string[] {
  const schema = noticeSchemaProblems(value);
  if (schema.length > 0) return schema.map(formatProblem);
  const notice = value as Json & {
    authority: Json;
    analyst: Json;
    signer: Json;
    response: Json;
    items: Json[];
    evidence: Json[];
  };
  const problems: string[] = [];
  if (notice.reference !== ctx.externalIdentifier)
    problems.push(`/reference: is not the External-Identifier ${JSON.stringify(ctx.externalIdentifier ?? '')}`);
  if (ctx.analystFingerprint !== undefined) {
    if (notice.analyst.fingerprint !== ctx.analystFingerprint)
      problems.push('/analyst/fingerprint: is not the analyst who signed the first statement');
    if (notice.signer.fingerprint !== ctx.analystFingerprint)
      problems.push('/signer/fingerprint: is not the key that signed the first statement');
  }
  if (notice.response.noticeId !== notice.noticeId) problems.push('/response/noticeId: is not the noticeId');
  const listed = new Set<string>();
  notice.evidence.forEach((e, i) => {
    const path = e.path as string;
    const facts = ctx.evidence.get(path);
    if (!facts) problems.push(`/evidence/${i}/path: ${path} is not an evidence file of the bag`);
    else if (listed.has(path)) problems.push(`/evidence/${i}/path: ${path} is listed twice`);
    else {
      if (facts.sha256.some((h) => e.sha256 !== `sha256:${h}`))
        problems.push(`/evidence/${i}/sha256: differs from ${path}`);
      if (facts.sha512.some((h) => e.sha512 !== `sha512:${h}`))
        problems.push(`/evidence/${i}/sha512: differs from ${path}`);
      if (e.size !== facts.size) problems.push(`/evidence/${i}/size: differs from ${path}`);
    }
    listed.add(path);
  });
  for (const path of ctx.evidence.keys()) if (!listed.has(path)) problems.push(`/evidence: does not list ${path}`);
  const ids = new Set<unknown>();
  notice.items.forEach((item, i) => {
    if (ids.has(item.itemId)) problems.push(`/items/${i}/itemId: is used by an earlier item`);
    ids.add(item.itemId);
    (item.evidence as string[]).forEach((path, j) => {
      if (!listed.has(path)) problems.push(`/items/${i}/evidence/${j}: ${path} is not in /evidence`);
    });
  });
  notice.items.forEach((item, i) => {
    if (item.parentItemId !== null && !ids.has(item.parentItemId))
      problems.push(`/items/${i}/parentItemId: is not an item of this notice`);
  });
  return problems;
}

/** The check verify runs on the bytes of data/notice.json. */
export function noticeFileProblems(bytes: Uint8Array | undefined, ctx: NoticeContext): string[] {
  const text = decodeUtf8(bytes);
  if (text === null) return ['data/notice.json is missing or not UTF-8'];
  try {
    return noticeProblems(JSON.parse(text), ctx);
  } catch {
    return ['data/notice.json is not JSON'];
  }
}

/** At export a notice that does not check is Jejak's own bug, never the analyst's: INTERNAL, naming the fields. */
export function assertNoticeChecks(value: unknown, ctx: NoticeContext): void {
  const problems = noticeProblems(value, ctx);
  if (problems.length > 0)
    throw new JejakError('INTERNAL', `The notice (notice.json) Jejak made does not check: ${problems.join('; ')}.`, {
      problems,
    });
}
