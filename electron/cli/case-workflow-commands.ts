import { deleteCase, removeItems, updateDraftCase } from '../core/cases/case-drafts';
import { setCaseStatus } from '../core/cases/case-status';
import { type CaseDetail, caseIdOf, getCase, listCases } from '../core/cases/cases';
import { itemIdsFrom } from './case-commands';
import { type CliContext, cliPolicy, flag } from './context';
import { withVault } from './vault-access';
import { EXIT, UsageError } from './io';

function oneReference(ctx: CliContext, usage: string): string {
  const [reference, ...rest] = ctx.args;
  if (!reference || rest.length > 0) throw new UsageError(`Usage: jejak ${usage}`);
  return reference;
}

const nextText = (kase: CaseDetail) =>
  kase.allowedNext.length > 0 ? `next: ${kase.allowedNext.join(', ')}` : 'no further step';

export async function caseList(ctx: CliContext): Promise<number> {
  const cases = await withVault(ctx, (s) => listCases(s));
  ctx.out.data(
    cases,
    () =>
      cases
        .map((c) =>
          [
            c.reference,
            c.status,
            c.priority,
            c.dueAt,
            c.overdue ? `OVERDUE${c.overdueItems > 0 ? ` (${c.overdueItems} items)` : ''}` : '-',
            `${c.channelCount}ch/${c.evidenceCount}ev`,
            c.title,
          ].join('\t'),
        )
        .join('\n') || 'No cases.',
  );
  return EXIT.ok;
}

export async function caseStatus(ctx: CliContext): Promise<number> {
  const [reference, status, ...rest] = ctx.args;
  if (!reference || !status || rest.length > 0)
    throw new UsageError('Usage: jejak case status REF STATUS [--note TEXT]');
  const kase = await withVault(ctx, (s) => {
    const id = caseIdOf(s, reference);
    setCaseStatus(s, id, status, flag(ctx, 'note') ?? '');
    return getCase(s, id);
  });
  ctx.out.data(kase, () => `${kase.reference}: ${kase.status} (${nextText(kase)}).`);
  return EXIT.ok;
}

export async function caseEdit(ctx: CliContext): Promise<number> {
  const usage = 'case edit REF [--title T] [--legal-basis TEXT] [--priority urgent|normal] [--notes TEXT]';
  const reference = oneReference(ctx, usage);
  const priority = flag(ctx, 'priority') as 'urgent' | 'normal' | undefined;
  if (priority !== undefined && priority !== 'urgent' && priority !== 'normal')
    throw new UsageError('--priority is urgent or normal.');
  const patch = {
    title: flag(ctx, 'title'),
    legalBasis: flag(ctx, 'legal-basis'),
    notes: flag(ctx, 'notes'),
    priority,
  };
  if (Object.values(patch).every((v) => v === undefined)) throw new UsageError(`Usage: jejak ${usage}`);
  const kase = await withVault(ctx, (s) => updateDraftCase(s, cliPolicy(), caseIdOf(s, reference), patch));
  ctx.out.data(kase, () => `${kase.reference}: ${kase.title} (${kase.priority}, due ${kase.dueAt}).`);
  return EXIT.ok;
}

export async function caseRemove(ctx: CliContext): Promise<number> {
  const usage = 'case remove REF [--channel URL|ID]… [--evidence ID]…';
  const reference = oneReference(ctx, usage);
  const kase = await withVault(ctx, (s) => {
    const { channelIds, evidenceIds } = itemIdsFrom(ctx, s);
    if (channelIds.length + evidenceIds.length === 0) throw new UsageError(`Usage: jejak ${usage}`);
    return removeItems(s, caseIdOf(s, reference), channelIds, evidenceIds);
  });
  ctx.out.data(
    kase,
    () => `${kase.reference}: ${kase.channelIds.length} channels, ${kase.evidenceIds.length} evidence items.`,
  );
  return EXIT.ok;
}

export async function caseDelete(ctx: CliContext): Promise<number> {
  const reference = oneReference(ctx, 'case delete REF');
  const deleted = await withVault(ctx, (s) => deleteCase(s, caseIdOf(s, reference)));
  ctx.out.data(deleted, () => `Deleted draft ${deleted.reference}; the reference will not be used again.`);
  return EXIT.ok;
}
