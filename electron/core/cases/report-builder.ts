import type { ChannelDetail } from '../catalog/channel-types';
import { getChannel } from '../catalog/channels';
import { csvLine } from '../csv';
import { type EvidenceDetail, getEvidence } from '../evidence/evidence-repo';
import { extensionFor, type MediaType } from '../evidence/media/sniff';
import { type Identity, isOsAccount, signingRole } from '../identity/identity';
import { mapInTurns, nextTurn } from '../in-turns';
import type { ReportData, ReportLanguage } from '../../common/report-json';
import type { VaultSession } from '../vault/session';
import type { CaseDetail } from './cases';

export interface EvidenceFile {
  evidenceId: number;
  path: string;
  sha256: string;
  sha512: string;
  size: number;
}

export interface BuiltReport {
  report: ReportData;
  files: EvidenceFile[];
  /** what the report was made from, for the notice: the case's channels, and its evidence in report order */
  channels: ChannelDetail[];
  evidence: EvidenceDetail[];
}

/** "pdq:<hex>" for a picture with PDQ, else its older "phash:<hex>", else null (as the notice names it). */
export function perceptualHashOf(e: Pick<EvidenceDetail, 'pdq' | 'phash'>): string | null {
  if (e.pdq) return `pdq:${e.pdq}`;
  return e.phash ? `phash:${e.phash}` : null;
}

/** Gathers the case into the report's data and names each evidence file in the bag, its items read a batch per turn. */
export async function buildReport(
  session: VaultSession,
  kase: CaseDetail,
  identity: Identity,
  unit: string,
  language: ReportLanguage,
  exportedAt: Date,
): Promise<BuiltReport> {
  // A turn between the steps as well: each ends within its own budget, and back to back they held the thread 75 ms.
  const evidence = await mapInTurns(kase.evidenceIds, (id) => getEvidence(session, id));
  await nextTurn();
  const width = Math.max(3, String(evidence.length).length);
  // in turns by time alone: each item is cheap, but there may be 10,000
  const files = await mapInTurns(
    evidence,
    (e, i) => ({
      evidenceId: e.id,
      path: `evidence/${String(i + 1).padStart(width, '0')}-${e.sha256.slice(0, 12)}.${extensionFor(e.mediaType as MediaType)}`,
      sha256: e.sha256,
      sha512: e.sha512,
      size: e.size,
    }),
    Infinity,
  );
  await nextTurn();
  const channels = await mapInTurns(kase.channelIds, (id) => getChannel(session, id));
  await nextTurn();
  const evidenceCount = new Map<number, number>();
  for (const e of evidence)
    if (e.channelId !== null) evidenceCount.set(e.channelId, (evidenceCount.get(e.channelId) ?? 0) + 1);
  const report: ReportData = {
    format: 'jejak-report/1',
    language,
    unit,
    case: {
      reference: kase.reference,
      title: kase.title,
      platform: kase.platform,
      priority: kase.priority,
      dueAt: kase.dueAt,
      legalBasis: kase.legalBasis,
      notes: kase.notes,
      createdAt: kase.createdAt,
      exportedAt: exportedAt.toISOString(),
    },
    analyst: {
      name: identity.name,
      unit: identity.unit || unit,
      id: identity.employeeId,
      role: signingRole(identity),
      fingerprint: identity.fingerprint,
    },
    channels: channels.map((c) => ({
      platform: c.platform,
      kind: c.kind,
      canonicalUrl: c.canonicalUrl,
      originalUrl: c.urls[0]?.url ?? c.canonicalUrl,
      title: c.title,
      category: c.category,
      status: c.status,
      firstSeen: c.firstSeen,
      subscriberCount: c.subscriberCount,
      evidenceCount: evidenceCount.get(c.id) ?? 0,
    })),
    evidence: await mapInTurns(
      evidence,
      (e, i) => ({
        seq: i + 1,
        file: `data/${files[i]!.path}`,
        sha256: e.sha256,
        sha512: e.sha512,
        size: e.size,
        mediaType: e.mediaType,
        width: e.width,
        height: e.height,
        capturedAt: e.capturedAt,
        intakeAt: e.intakeAt,
        // Taken in before the vault had an identity: the OS account is no person's name, and writing
        // the analyst's instead would claim more than was recorded, so the report says "not stated".
        takenBy: isOsAccount(e.takenBy) ? '' : e.takenBy,
        sourceUrl: e.postUrl ?? e.sourceUrl,
        channelUrl: e.channelUrl,
        notes: e.notes,
        perceptualHash: perceptualHashOf(e),
        recognisedText: e.recognisedText?.text ?? null,
      }),
      Infinity,
    ),
  };
  return { report, files, channels, evidence };
}

export function channelsCsv(report: ReportData): string {
  return (
    csvLine([
      'platform',
      'kind',
      'canonical_url',
      'original_url',
      'title',
      'category',
      'first_seen',
      'evidence_count',
    ]) +
    report.channels
      .map((c) =>
        csvLine([c.platform, c.kind, c.canonicalUrl, c.originalUrl, c.title, c.category, c.firstSeen, c.evidenceCount]),
      )
      .join('')
  );
}
