/**
 * The life of a takedown request: draft → exported → approved | returned → submitted →
 * acknowledged → actioned | rejected. The steps allowed between them are the core's
 * (electron/core/cases/case-status.ts); the words are shared with the contract and the window.
 */
export const CASE_STATUSES = [
  'draft',
  'exported',
  'approved',
  'returned',
  'submitted',
  'acknowledged',
  'actioned',
  'rejected',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
