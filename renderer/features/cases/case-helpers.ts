/** Pure helpers for the Cases area: file names, due times, progress. Status steps come from the core (allowedNext). */

/** The package's file name, as the core names it (PACKAGE-FORMAT.md: every other character becomes "-"). */
export function packageFileName(reference: string): string {
  return `${reference.replace(/[^A-Za-z0-9._-]/g, '-')}.zip`;
}

export function dueAtFrom(now: Date, hours: number): Date {
  return new Date(now.getTime() + hours * 3_600_000);
}

export interface DueDistance {
  late: boolean;
  days: number;
  hours: number;
  minutes: number;
}

/** How far the due time is from now, in whole days, hours and minutes (rounded down). */
export function dueDistance(dueAt: string, now: Date): DueDistance | null {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return null;
  const diff = due - now.getTime();
  const total = Math.floor(Math.abs(diff) / 60_000);
  return {
    late: diff < 0,
    days: Math.floor(total / 1440),
    hours: Math.floor((total % 1440) / 60),
    minutes: total % 60,
  };
}

/** The platform most of the picked channels are on (the case's default platform); ties go to the first seen. */
export function dominantPlatform(platforms: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const p of platforms) counts.set(p, (counts.get(p) ?? 0) + 1);
  let best: string | null = null;
  for (const [p, n] of counts) if (best === null || n > counts.get(best)!) best = p;
  return best;
}

/** A progress fraction 0..1, or null while nothing has been counted yet (the bar is indeterminate). */
export function progressFraction(done: number, total: number): number | null {
  if (total <= 0 || done <= 0) return null;
  return Math.min(1, done / total);
}

/** Identity is complete enough to sign: a name, and a unit (the machine policy's unit stands in for an empty one). */
export function missingForSigning(
  identity: { name: string; unit: string },
  policyUnit: string | null | undefined,
): Array<'name' | 'unit'> {
  const missing: Array<'name' | 'unit'> = [];
  if (!identity.name.trim()) missing.push('name');
  if (!identity.unit.trim() && !policyUnit?.trim()) missing.push('unit');
  return missing;
}

/** The two largest non-zero units of a distance ("2 days 4 hours", "3 hours 20 minutes"); none when under a minute. */
export function dueParts(d: DueDistance): Array<['days' | 'hours' | 'minutes', number]> {
  const all: Array<['days' | 'hours' | 'minutes', number]> = [
    ['days', d.days],
    ['hours', d.hours],
    ['minutes', d.minutes],
  ];
  const first = all.findIndex(([, n]) => n > 0);
  if (first === -1) return [];
  return all.slice(first, first + 2).filter(([, n], i) => i === 0 || n > 0);
}

/**
 * Milliseconds until the next open case (as the core says: sent, not yet acted on) passes its due
 * time (the core then calls it overdue and the list must be asked again), or null when no open
 * case is still on time.
 */
export function msUntilNextDue(
  cases: ReadonlyArray<{ dueAt: string; open: boolean; overdue: boolean }>,
  now: Date,
): number | null {
  let next: number | null = null;
  for (const c of cases) {
    if (c.overdue || !c.open) continue;
    const due = Date.parse(c.dueAt);
    if (Number.isNaN(due)) continue;
    const wait = Math.max(0, due - now.getTime());
    if (next === null || wait < next) next = wait;
  }
  return next;
}

const LOCALES = { id: 'id-ID', en: 'en-GB' } as const;

/** A due time to the minute (seconds are noise for a deadline counted in hours). */
export function formatDue(iso: string, language: 'id' | 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export interface ItemComment {
  decisionId: number;
  revision: number;
  decision: 'approved' | 'returned';
  signer: string;
  verdict: 'ok' | 'problem';
  comment: string;
}

interface DecisionLike {
  id: number;
  revision: number;
  decision: 'approved' | 'returned';
  signer: { name: string };
  items: ReadonlyArray<{
    verdict: 'ok' | 'problem';
    comment: string;
    evidenceId: number | null;
    channelId: number | null;
  }>;
}

/**
 * What the supervisor's received decisions said of one evidence item or channel, newest first: a
 * channel gathers what was said of its evidence. A plain "ok" with no words is left out.
 */
export function itemComments(
  decisions: readonly DecisionLike[],
  kind: 'evidence' | 'channel',
  id: number,
): ItemComment[] {
  return decisions.flatMap((d) =>
    d.items
      .filter(
        (i) =>
          (kind === 'evidence' ? i.evidenceId === id : i.channelId === id) &&
          (i.verdict === 'problem' || i.comment.trim() !== ''),
      )
      .map((i) => ({
        decisionId: d.id,
        revision: d.revision,
        decision: d.decision,
        signer: d.signer.name,
        verdict: i.verdict,
        comment: i.comment,
      })),
  );
}
