import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import type { ReviewMark } from '../common/decision-rules';
import { beforePackageWrite } from '../core/app/partial-sweep';
import { caseDecisions, exportDecisionPackage } from '../core/cases/case-decisions';
import { caseIdOf, getCase } from '../core/cases/cases';
import { receiveDecision } from '../core/cases/receive-decision';
import { vaultAgeIdentity } from '../core/identity/identity';
import { effectiveRoster } from '../core/trust/trust';
import { verifyPackage } from '../core/packages';
import { decidePackage, evidenceFiles } from '../core/review/decide';
import { type CliContext, cliPolicy, flag, flagList } from './context';
import { withVault } from './vault-access';
import { EXIT, UsageError } from './io';

const REVIEW_USAGE =
  'Usage: jejak review FILE.zip|FILE.zip.age --approve|--return [--comment TEXT] [--items FILE.json] [--without-item-review --reason TEXT] --out FILE [--recipient age1…]…';

const itemsFileSchema = z.union([
  z.array(z.object({ file: z.string(), verdict: z.enum(['ok', 'problem']), comment: z.string().default('') })),
  z
    .object({
      items: z.array(
        z.object({ file: z.string(), verdict: z.enum(['ok', 'problem']), comment: z.string().default('') }),
      ),
    })
    .transform((o) => o.items),
]);

/**
 * --items FILE.json: a list of { file, verdict: "ok" | "problem", comment }. `file` is the bag path
 * (data/evidence/001-….png) or just the evidence file's name.
 */
function readItems(path: string, files: readonly string[]): ReviewMark[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(resolve(path), 'utf8'));
  } catch (e) {
    throw new UsageError(`Cannot read ${path} as JSON (${(e as Error).message}).`);
  }
  const result = itemsFileSchema.safeParse(parsed);
  if (!result.success) throw new UsageError(`${path} is not a list of { file, verdict: "ok" | "problem", comment }.`);
  return result.data.map((i) => ({
    ...i,
    file: i.file.startsWith('data/') ? i.file : (files.find((f) => basename(f) === i.file) ?? i.file),
  }));
}

/** `review`: the supervisor's decision, with the same rules as the app (every item marked, or a written reason). */
export async function review(ctx: CliContext): Promise<number> {
  const [file] = ctx.args;
  const out = flag(ctx, 'out');
  const approve = ctx.flags.approve === true;
  const ret = ctx.flags.return === true;
  const without = ctx.flags['without-item-review'] === true;
  const reason = flag(ctx, 'reason');
  if (!file || !out || approve === ret) throw new UsageError(REVIEW_USAGE);
  if (reason !== undefined && !without) throw new UsageError('--reason goes with --without-item-review.');
  const itemsPath = flag(ctx, 'items');
  const result = await withVault(ctx, async (s) => {
    const policy = cliPolicy();
    // a folder the policy does not allow is refused before the package is even read
    beforePackageWrite(s, resolve(out), policy);
    const opening = {
      roster: effectiveRoster(s, policy),
      tsaRoots: policy.tsaRoots,
      ageIdentities: [vaultAgeIdentity(s)],
    };
    const source = { path: resolve(file), result: await verifyPackage(resolve(file), opening) };
    const items = itemsPath ? readItems(itemsPath, evidenceFiles(source.result)) : [];
    const request = {
      decision: approve ? ('approved' as const) : ('returned' as const),
      comment: flag(ctx, 'comment') ?? '',
      items,
      withoutItemReview: without ? { reason: reason ?? '' } : null,
    };
    const signed = await decidePackage(s, policy, source, resolve(out), request, {
      recipients: flagList(ctx, 'recipient'),
    });
    return {
      ...signed,
      verdict: (await verifyPackage(signed.path, opening)).verdict,
      reference: source.result.bagInfo?.['External-Identifier'] ?? '',
    };
  });
  const { path, verdict, reference, tagmanifestSha256, reviewed, total, recipients } = result;
  ctx.out.data({ out: path, verdict, reference, tagmanifestSha256, reviewed, total, recipients }, () =>
    [
      `Signed ${approve ? 'approval' : 'return'} of ${result.reference}: ${result.reviewed} of ${result.total} evidence items reviewed.`,
      `Tag manifest SHA-256 ${result.tagmanifestSha256}.`,
      `Wrote ${result.path} (verdict here: ${result.verdict})${recipients.length > 0 ? `, encrypted (age) for ${recipients.length} recipient(s)` : ''}.`,
    ].join('\n'),
  );
  return EXIT.ok;
}

/** `case receive FILE.zip [--case REF]`: the supervisor's decision comes back into this vault. */
export async function caseReceive(ctx: CliContext): Promise<number> {
  const [file, ...rest] = ctx.args;
  if (!file || rest.length > 0) throw new UsageError('Usage: jejak case receive FILE.zip|FILE.zip.age [--case REF]');
  const reference = flag(ctx, 'case');
  const outcome = await withVault(ctx, (s) =>
    receiveDecision(s, cliPolicy(), resolve(file), { caseId: reference ? caseIdOf(s, reference) : undefined }),
  );
  ctx.out.data(outcome, () => {
    const what = `${outcome.decision} by ${outcome.signer.name}`;
    const head =
      outcome.outcome === 'already-received'
        ? `Already received: ${outcome.reference} (${what}); nothing changed.`
        : `Received: ${outcome.reference} is now ${outcome.status} (${what}).`;
    return [
      head,
      outcome.comment ? `  Comment: ${outcome.comment}` : '',
      outcome.problems > 0
        ? `  ${outcome.problems} item(s) marked problem: see jejak case decisions ${outcome.reference}`
        : '',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return EXIT.ok;
}

/** `case decisions REF [--out FILE.zip]`: the decisions received, with per-item comments; --out writes the newest package again. */
export async function caseDecisionsCommand(ctx: CliContext): Promise<number> {
  const [reference, ...rest] = ctx.args;
  if (!reference || rest.length > 0) throw new UsageError('Usage: jejak case decisions REF [--out FILE.zip]');
  const out = flag(ctx, 'out');
  const { decisions, written } = await withVault(ctx, async (s) => {
    const kase = getCase(s, caseIdOf(s, reference));
    const list = caseDecisions(s, kase.id);
    if (out && list.length === 0) throw new UsageError(`No decision on ${kase.reference} has been received.`);
    return {
      decisions: list,
      written: out ? await exportDecisionPackage(s, cliPolicy(), list[0]!.id, resolve(out)) : null,
    };
  });
  ctx.out.data(
    written ? { decisions, written } : decisions,
    () =>
      [
        ...decisions.flatMap((d) => [
          `r${d.revision}\t${d.decision}\t${d.signer.name}\t${d.signedAt}\t${d.fileName}${d.comment ? `\t${d.comment.replace(/\n/g, ' ')}` : ''}`,
          ...d.items.map(
            (i) =>
              `  ${i.verdict === 'problem' ? 'PROBLEM' : 'ok'}\t${i.evidenceId !== null ? `#${i.evidenceId}` : '-'}\t${i.file}${i.comment ? `\t${i.comment}` : ''}`,
          ),
        ]),
        ...(written ? [`Wrote ${written.path} (${written.bytes} bytes, SHA-256 ${written.sha256}).`] : []),
      ].join('\n') || 'No decisions received.',
  );
  return EXIT.ok;
}
