import type { Signer } from './signer';
import { isoSeconds, serializeStatement, STATEMENT_FORMAT, type Decision, type ReviewItem } from './statement-parse';

/** Writing a signed statement (the reading side, shared with the browser verifier, is statement-parse.ts). */

export {
  parseStatement,
  roleProblem,
  STATEMENT_FORMAT,
  type Decision,
  type ReviewItem,
  type Statement,
} from './statement-parse';

export interface StatementInput {
  signer: Signer;
  decision: Decision;
  comment: string;
  signedAt: Date;
  externalIdentifier: string;
  tagmanifestSha256: string;
  covers: string[];
  review?: ReviewItem[];
}

export function statementBytes(input: StatementInput): Buffer {
  const bytes = serializeStatement({
    format: STATEMENT_FORMAT,
    role: input.signer.role,
    decision: input.decision,
    comment: input.comment,
    signer: input.signer,
    signedAt: isoSeconds(input.signedAt),
    bag: { externalIdentifier: input.externalIdentifier, tagmanifestSha256: input.tagmanifestSha256 },
    covers: input.covers,
    ...(input.review ? { review: input.review } : {}),
  });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
