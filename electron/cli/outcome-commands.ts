import { basename, resolve } from 'node:path';
import { findChannelId, parseOrThrow } from '../core/catalog/channels';
import { caseIdOf } from '../core/cases/cases';
import { type ItemOutcome, caseOutcomes } from '../core/outcomes/case-outcomes';
import { importResponse, readResponseFile } from '../core/outcomes/import-response';
import { recordObservation } from '../core/outcomes/observe';
import { type Reappearance, reappearancesOf } from '../core/reappearance/reappearances';
import { type CliContext, flag, flagList } from './context';
import { withVault } from './vault-access';
import { EXIT, UsageError } from './io';

const OBSERVE_USAGE =
  'case observe REF --item ID|--all-open --status still-online|removed|reappeared [--at ISO] [--evidence ID] [--note TEXT]';

/** "2h 05m", "3d 4h", "45m": a duration as the terminal shows it. */
function duration(seconds: number): string {
  const minutes = Math.floor(Math.abs(seconds) / 60);
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  return d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m`;
}

function timing(item: ItemOutcome): string {
  if (item.action) {
    const { secondsToAction, secondsBeforeDeadline } = item.action;
    const margin =
      secondsBeforeDeadline >= 0
        ? `${duration(secondsBeforeDeadline)} before the deadline`
        : `${duration(secondsBeforeDeadline)} LATE`;
    return `${duration(secondsToAction)} after the notice, ${margin}`;
  }
  return item.overdue ? 'OVERDUE' : '-';
}

/** `case response FILE [--case REF]`: a platform's jejak-response/1 file, taken into the case it answers. */
export async function caseResponse(ctx: CliContext): Promise<number> {
  const [file, ...rest] = ctx.args;
  if (!file || rest.length > 0) throw new UsageError('cli.usage', { usage: 'case response FILE [--case REF]' });
  const reference = flag(ctx, 'case');
  const bytes = readResponseFile(resolve(file));
  const result = await withVault(ctx, (s) =>
    importResponse(s, bytes, {
      caseId: reference ? caseIdOf(s, reference) : undefined,
      fileName: basename(file),
    }),
  );
  ctx.out.data(result, () =>
    result.outcome === 'already-imported'
      ? `Already imported: this response of ${result.responder} to ${result.reference}; nothing changed.`
      : `Imported the response of ${result.responder} to ${result.reference}: ${result.recorded} outcome(s) recorded, ${result.open} of ${result.items} item(s) still open; the case is ${result.status}.`,
  );
  return EXIT.ok;
}

/** `case observe REF …`: what the analyst saw where no answer came, for some items or every open one. */
export async function caseObserve(ctx: CliContext): Promise<number> {
  const [reference, ...rest] = ctx.args;
  const itemIds = flagList(ctx, 'item');
  const allOpen = ctx.flags['all-open'] === true;
  const status = flag(ctx, 'status');
  if (!reference || rest.length > 0 || !status || itemIds.length > 0 === allOpen)
    throw new UsageError('cli.usage', { usage: OBSERVE_USAGE });
  const evidence = flag(ctx, 'evidence');
  if (evidence !== undefined && !/^#?\d+$/.test(evidence))
    throw new UsageError(`--evidence takes an item number; "${evidence}" is not one.`);
  const result = await withVault(ctx, (s) =>
    recordObservation(s, caseIdOf(s, reference), {
      itemIds,
      allOpen,
      status,
      at: flag(ctx, 'at'),
      evidenceId: evidence === undefined ? undefined : Number(evidence.replace('#', '')),
      note: flag(ctx, 'note'),
    }),
  );
  ctx.out.data(
    result,
    () =>
      `${result.reference}: ${result.itemIds.length} item(s) recorded ${result.observed}; the case is ${result.status}.`,
  );
  return EXIT.ok;
}

/** `case outcomes REF`: every item of the latest notice, its outcome and its time to action against the deadline. */
export async function caseOutcomesCommand(ctx: CliContext): Promise<number> {
  const [reference, ...rest] = ctx.args;
  if (!reference || rest.length > 0) throw new UsageError('cli.usage', { usage: 'case outcomes REF' });
  const outcomes = await withVault(ctx, (s) => caseOutcomes(s, caseIdOf(s, reference)));
  ctx.out.data(outcomes, () => {
    if (outcomes.items.length === 0) return `${outcomes.reference}: no notice sent yet.`;
    const { items, final, overdue } = outcomes.counts;
    return [
      `${outcomes.reference}: notice ${outcomes.noticeId}, deadline ${outcomes.deadline}; ${final} of ${items} item(s) final, ${overdue} overdue.`,
      ...outcomes.items.map((i) => {
        const latest = i.history[0];
        const extra = [latest?.ticket ? `ticket ${latest.ticket}` : '', latest?.reason ?? '']
          .filter(Boolean)
          .join('; ');
        return [
          i.itemId,
          i.kind,
          i.canonicalUrl,
          i.outcome ? `${i.outcome.status} (${i.outcome.source}, ${i.outcome.at})` : 'no outcome',
          timing(i),
          extra,
        ]
          .filter(Boolean)
          .join('\t');
      }),
    ].join('\n');
  });
  return EXIT.ok;
}

function flagLine(f: Reappearance): string {
  const subject = f.channelId !== null ? `channel ${f.channelId}` : `evidence #${f.evidenceId}`;
  const earlier = f.earlierChannel
    ? `${f.earlierChannel.title || f.earlierChannel.url}`
    : f.earlierEvidence
      ? `#${f.earlierEvidence.id}`
      : f.earlierItemId;
  const how = f.match === 'near-duplicate' ? `near-duplicate, ${f.distance} bits` : f.match;
  return `${subject}\treappeared (${how})\tearlier: ${earlier} in ${f.earlierCase.reference}\t${f.flaggedAt}`;
}

/** `reappearances [--channel URL|ID] [--evidence ID]`: what matches something already taken down, with the case. */
export async function reappearancesCommand(ctx: CliContext): Promise<number> {
  if (ctx.args.length > 0)
    throw new UsageError('cli.usage', { usage: 'reappearances [--channel URL|ID] [--evidence ID]' });
  const channel = flag(ctx, 'channel');
  const evidence = flag(ctx, 'evidence');
  if (evidence !== undefined && !/^#?\d+$/.test(evidence))
    throw new UsageError(`--evidence takes an item number; "${evidence}" is not one.`);
  const flags = await withVault(ctx, (s) => {
    if (channel !== undefined) {
      const id = /^\d+$/.test(channel) ? Number(channel) : findChannelId(s, parseOrThrow(channel).key);
      if (id === undefined) throw new UsageError(`${channel} is not catalogued.`);
      return reappearancesOf(s, { channelId: id });
    }
    return reappearancesOf(s, evidence === undefined ? {} : { evidenceId: Number(evidence.replace('#', '')) });
  });
  ctx.out.data(flags, () => flags.map(flagLine).join('\n') || 'Nothing reappeared.');
  return EXIT.ok;
}
