import { JejakError } from '../errors';
import { appendToVerified, type AppendOptions } from './append-package';
import { statementStem } from './bag-names';
import { checkSigner, signChecked, spkiPem, type Signer } from './signer';
import { statementBytes, type ReviewItem } from './statement';

export interface CountersignInput {
  signer: Signer;
  decision: 'approved' | 'returned';
  comment: string;
  /** per-file review, kept in the statement as `review` */
  items?: ReviewItem[];
}

export type CountersignOptions = AppendOptions;

export interface CountersignResult {
  path: string;
  name: string;
  /** bag path of the new statement */
  statementFile: string;
  /** SHA-256 of each earlier statement file, as the new statement lists them */
  covers: string[];
  bytes: number;
  /** the result is age-encrypted for these; empty for a plain ZIP */
  recipients: string[];
}

function checkInput(input: CountersignInput, payload: ReadonlySet<string>): void {
  if (input.decision !== 'approved' && input.decision !== 'returned')
    throw new JejakError('INVALID_INPUT', 'A supervisor approves or returns a package.');
  if (typeof input.comment !== 'string') throw new JejakError('INVALID_INPUT', 'The comment must be text.');
  for (const item of input.items ?? []) {
    if (!payload.has(item.file))
      throw new JejakError('INVALID_INPUT', `The review names ${item.file}, which is not in the package.`);
    if ((item.verdict !== 'ok' && item.verdict !== 'problem') || typeof item.comment !== 'string') {
      throw new JejakError('INVALID_INPUT', `The review of ${item.file} is not ok/problem with a comment.`);
    }
  }
}

/**
 * A supervisor's decision on a package: verifies `sourceZip` whole (refusing an invalid one with
 * INTEGRITY and the failing checks, and one this signer's key already signed with SELF_REVIEW), then writes `destination` (may be the source itself): every
 * original entry copied byte for byte plus `signatures/<n+1>-supervisor-<fp16>.json|.sig|.pem`,
 * whose `covers` lists the SHA-256 of every earlier statement file.
 */
export async function countersignPackage(
  sourceZip: string,
  destination: string,
  input: CountersignInput,
  opts: CountersignOptions = {},
): Promise<CountersignResult> {
  const key = checkSigner(input.signer, 'supervisor');
  const now = opts.now ?? new Date();
  const done = await appendToVerified(sourceZip, destination, 'countersigned', { ...opts, now }, (source) => {
    const own = source.statements.find((s) => s.signer.fingerprint === input.signer.fingerprint);
    if (own) {
      throw new JejakError(
        'SELF_REVIEW',
        `This package is already signed with your key (${own.file}, as ${own.role}); nobody may approve or return their own work. Ask another supervisor to decide.`,
        { statement: own.file },
      );
    }
    checkInput(input, new Set([...source.files.keys()].filter((p) => p.startsWith('data/'))));
    const covers = source.statements.map((s) => source.files.get(s.file)?.sha256 ?? '');
    const statement = statementBytes({
      signer: input.signer,
      decision: input.decision,
      comment: input.comment,
      signedAt: now,
      externalIdentifier: source.bagInfo?.['External-Identifier'] ?? '',
      tagmanifestSha256: source.tagmanifestSha256 ?? '',
      covers,
      ...(input.items ? { review: input.items } : {}),
    });
    const stem = statementStem(source.statements.length + 1, 'supervisor', input.signer.fingerprint);
    const entries = [
      { name: `${stem}.json`, data: statement },
      { name: `${stem}.sig`, data: signChecked(input.signer, key, statement) },
      { name: `${stem}.pem`, data: Buffer.from(spkiPem(key)) },
    ];
    return { entries, value: { statementFile: `${stem}.json`, covers } };
  });
  return { path: done.path, name: done.name, bytes: done.bytes, recipients: done.recipients, ...done.plan };
}
