import { basename } from 'node:path';
import type { ReportData } from '../../common/report-json';
import { addOrFindChannel } from '../catalog/channels';
import { CHANNEL_STATUSES, type ChannelStatus, categoriesFor } from '../catalog/vocabulary';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { intakeBytes } from '../evidence/intake';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import type { PayloadReader } from './package-contents';

/**
 * Merge, not copy: a package's channels and evidence land on the unit's one row per channel
 * (canonical key, whatever link form each analyst entered) and per original (SHA-256). Near
 * duplicates are linked by the intake itself: it hashes each original perceptually and links it to
 * the nearest known one (evidence.near_duplicate_of; PDQ when intake moves to it, no change here).
 */

export interface MergedEvidence {
  evidenceId: number;
  duplicate: boolean;
  nearDuplicateOf: number | null;
  file: string;
  channelUrl: string | null;
}

/** Each original taken in from the package (encrypted like any vault blob); the same bytes again are linked, not stored. */
export async function mergeEvidence(
  session: VaultSession,
  policy: Policy,
  read: PayloadReader,
  report: ReportData,
  signal?: AbortSignal,
): Promise<MergedEvidence[]> {
  const merged: MergedEvidence[] = [];
  for (const e of report.evidence) {
    const bytes = await read(e.file, Math.max(e.size, 1));
    const taken = await intakeBytes(
      session,
      policy,
      bytes,
      { originalName: basename(e.file), capturedAt: e.capturedAt ?? undefined, notes: e.notes, via: 'unit-import' },
      { signal },
    );
    if (taken.sha256 !== e.sha256)
      throw new JejakError(
        'INTEGRITY',
        `${e.file} does not have the SHA-256 its report.json states; nothing was taken in.`,
      );
    merged.push({
      evidenceId: taken.evidenceId,
      duplicate: taken.duplicate,
      nearDuplicateOf: taken.nearDuplicateOf,
      file: e.file,
      channelUrl: e.channelUrl,
    });
  }
  return merged;
}

/**
 * The package's channels on the unit's rows, created or found by canonical key; call inside the
 * import's transaction. A category this unit does not know falls back to the unit's choice (the
 * package's own word stays in the source row).
 */
export function mergeChannels(
  session: VaultSession,
  policy: Policy,
  report: ReportData,
  now: string,
): Map<string, { id: number; created: boolean }> {
  const known = categoriesFor(policy);
  const byUrl = new Map<string, { id: number; created: boolean }>();
  for (const c of report.channels) {
    const status = (CHANNEL_STATUSES as readonly string[]).includes(c.status) ? (c.status as ChannelStatus) : undefined;
    const found = addOrFindChannel(
      session,
      policy,
      {
        url: c.canonicalUrl,
        title: c.title,
        category: known.includes(c.category) ? c.category : undefined,
        status,
        subscriberCount: c.subscriberCount,
      },
      now,
    );
    const prior = byUrl.get(c.canonicalUrl);
    byUrl.set(c.canonicalUrl, { id: found.id, created: found.created || (prior?.created ?? false) });
    if (c.originalUrl && c.originalUrl !== c.canonicalUrl)
      session.db.run(
        sql`INSERT INTO channel_urls (channel_id, url, added_at) VALUES (${found.id}, ${c.originalUrl}, ${now}) ON CONFLICT DO NOTHING`,
      );
  }
  return byUrl;
}
