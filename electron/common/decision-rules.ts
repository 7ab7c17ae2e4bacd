/**
 * What a supervisor's decision needs before it is signed. The core refuses a decision that breaks
 * these rules (electron/core/review/decide.ts, so the app and `jejak review` alike); the window
 * runs the same function to say what is missing before anyone clicks.
 */

export interface ReviewMark {
  /** bag path, e.g. "data/evidence/001-0123456789ab.png" */
  file: string;
  verdict: 'ok' | 'problem';
  comment: string;
}

export interface DecisionRequest {
  decision: 'approved' | 'returned';
  comment: string;
  items: readonly ReviewMark[];
  /** approve without marking every item; the written reason goes into the signed comment */
  withoutItemReview?: { reason: string } | null;
}

export type DecisionProblem =
  /** approval with evidence files left unmarked (and no "without item review") */
  | { code: 'unreviewed'; files: string[] }
  /** an item marked "problem" says nothing about what is wrong */
  | { code: 'problem-needs-comment'; files: string[] }
  /** the same file marked twice */
  | { code: 'duplicate-item'; files: string[] }
  /** "approve without item review" with no written reason */
  | { code: 'reason-needed' }
  /** "without item review" is a way to approve, not to return */
  | { code: 'without-review-is-for-approval' }
  /** a return that tells the analyst nothing to fix: no comment and no problem item */
  | { code: 'return-needs-reason' };

/** Fixed words, so anyone reading the statement (in either language) sees it was a deliberate choice. */
export const WITHOUT_ITEM_REVIEW = 'Disetujui tanpa tinjauan per item / Approved without item review';

export function decisionProblems(request: DecisionRequest, evidenceFiles: readonly string[]): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const marked = new Set<string>();
  const duplicates = new Set<string>();
  for (const item of request.items) {
    if (marked.has(item.file)) duplicates.add(item.file);
    marked.add(item.file);
  }
  if (duplicates.size > 0) problems.push({ code: 'duplicate-item', files: [...duplicates] });
  const silent = request.items.filter((i) => i.verdict === 'problem' && !i.comment.trim()).map((i) => i.file);
  if (silent.length > 0) problems.push({ code: 'problem-needs-comment', files: silent });
  const without = request.withoutItemReview ?? null;
  if (request.decision === 'returned') {
    if (without) problems.push({ code: 'without-review-is-for-approval' });
    if (!request.comment.trim() && !request.items.some((i) => i.verdict === 'problem'))
      problems.push({ code: 'return-needs-reason' });
    return problems;
  }
  if (without) {
    if (!without.reason.trim()) problems.push({ code: 'reason-needed' });
  } else {
    const unreviewed = evidenceFiles.filter((f) => !marked.has(f));
    if (unreviewed.length > 0) problems.push({ code: 'unreviewed', files: unreviewed });
  }
  return problems;
}

/** The comment the statement carries: the supervisor's own, and the reason when items were not reviewed. */
export function statementComment(request: DecisionRequest): string {
  const comment = request.comment.trim();
  const reason = request.withoutItemReview?.reason.trim();
  if (request.decision !== 'approved' || !reason) return comment;
  const line = `${WITHOUT_ITEM_REVIEW}: ${reason}`;
  return comment ? `${comment}\n\n${line}` : line;
}

const list = (files: readonly string[]) =>
  files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ');

/** The problems in plain words (the CLI prints them; the window has its own translations). */
export function problemsText(problems: readonly DecisionProblem[]): string {
  return problems
    .map((p) => {
      switch (p.code) {
        case 'unreviewed':
          return `${p.files.length} evidence item(s) are not marked ok or problem (${list(p.files)}); mark every item, or approve without item review with a written reason`;
        case 'problem-needs-comment':
          return `an item marked "problem" needs a comment saying what is wrong (${list(p.files)})`;
        case 'duplicate-item':
          return `an item is marked more than once (${list(p.files)})`;
        case 'reason-needed':
          return 'approving without item review needs a written reason';
        case 'without-review-is-for-approval':
          return '"without item review" applies to an approval, not a return';
        case 'return-needs-reason':
          return 'a return needs a comment or at least one item marked "problem" with a comment, so the analyst knows what to fix';
      }
    })
    .join('; ');
}
