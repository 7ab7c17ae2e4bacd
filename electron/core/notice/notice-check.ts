import { JejakError } from '../errors';
import { nextTurn, TurnBudget } from '../in-turns';
import { parseJsonInTurns } from '../parse-json-in-turns';
import { decodeUtf8, type FileFacts } from '../packages/checks';
import type { EvidenceFacts } from '../packages/report-check';
import { inEnglish, type Phrase, say } from '../packages/phrases';
import { noticeSchemaProblemsInTurns, problemPhrase } from './schemas';

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

/** The notice's schema, in turns, then (a turn later: at 10,000 items 15-20 ms) its agreement with the bag. */
async function noticeProblemsInTurns(value: unknown, ctx: NoticeContext): Promise<Phrase[]> {
  const schema = await noticeSchemaProblemsInTurns(value);
  await nextTurn();
  return schema.length > 0 ? schema.map(problemPhrase) : await agreementProblems(value, ctx);
}

/**
 * A notice that meets its schema against the bag: the same case, analyst and signer, and its
 * evidence. In turns: at 20,000 items its loops held the thread 30 ms and more.
 */
async function agreementProblems(value: unknown, ctx: NoticeContext): Promise<Phrase[]> {
  const notice = value as Json & {
    authority: Json;
    analyst: Json;
    signer: Json;
    response: Json;
    items: Json[];
    evidence: Json[];
  };
  const problems: Phrase[] = [];
  const at = (path: string, problem: Phrase) => problems.push(say('check.notice.at', { path, problem }));
  if (notice.reference !== ctx.externalIdentifier)
    at('/reference', say('check.notice.reference', { reference: JSON.stringify(ctx.externalIdentifier ?? '') }));
  if (ctx.analystFingerprint !== undefined) {
    if (notice.analyst.fingerprint !== ctx.analystFingerprint) at('/analyst/fingerprint', say('check.notice.analyst'));
    if (notice.signer.fingerprint !== ctx.analystFingerprint) at('/signer/fingerprint', say('check.notice.signer'));
  }
  if (notice.response.noticeId !== notice.noticeId) at('/response/noticeId', say('check.notice.noticeId'));
  const budget = new TurnBudget(20);
  const listed = new Set<string>();
  for (const [i, e] of notice.evidence.entries()) {
    if (budget.due()) await budget.take();
    const path = e.path as string;
    const facts = ctx.evidence.get(path);
    if (!facts) at(`/evidence/${i}/path`, say('check.notice.notEvidence', { file: path }));
    else if (listed.has(path)) at(`/evidence/${i}/path`, say('check.notice.twice', { file: path }));
    else {
      const differs = say('check.notice.differs', { file: path });
      if (facts.sha256.some((h) => e.sha256 !== `sha256:${h}`)) at(`/evidence/${i}/sha256`, differs);
      if (facts.sha512.some((h) => e.sha512 !== `sha512:${h}`)) at(`/evidence/${i}/sha512`, differs);
      if (e.size !== facts.size) at(`/evidence/${i}/size`, differs);
    }
    listed.add(path);
  }
  for (const path of ctx.evidence.keys())
    if (!listed.has(path)) at('/evidence', say('check.notice.unlisted', { file: path }));
  const ids = new Set<unknown>();
  for (const [i, item] of notice.items.entries()) {
    if (budget.due()) await budget.take();
    if (ids.has(item.itemId)) at(`/items/${i}/itemId`, say('check.notice.itemIdUsed'));
    ids.add(item.itemId);
    (item.evidence as string[]).forEach((path, j) => {
      if (!listed.has(path)) at(`/items/${i}/evidence/${j}`, say('check.notice.notListed', { file: path }));
    });
  }
  notice.items.forEach((item, i) => {
    if (item.parentItemId !== null && !ids.has(item.parentItemId))
      at(`/items/${i}/parentItemId`, say('check.notice.parent'));
  });
  return problems;
}

/** The check verify runs on the bytes of data/notice.json, in turns: at 10,000 items they are 6 MB. */
export async function noticeFileProblems(bytes: Uint8Array | undefined, ctx: NoticeContext): Promise<Phrase[]> {
  const text = decodeUtf8(bytes);
  if (text === null) return [say('check.notice.unreadable')];
  let value: unknown;
  try {
    value = await parseJsonInTurns(text);
  } catch {
    return [say('check.notice.notJson')];
  }
  return noticeProblemsInTurns(value, ctx);
}

/** At export a notice that does not check is Jejak's own bug, never the analyst's: INTERNAL, naming the fields. */
export async function assertNoticeChecks(value: unknown, ctx: NoticeContext): Promise<void> {
  const problems = (await noticeProblemsInTurns(value, ctx)).map(inEnglish);
  if (problems.length > 0)
    throw new JejakError('INTERNAL', `The notice (notice.json) Jejak made does not check: ${problems.join('; ')}.`, {
      problems,
    });
}
