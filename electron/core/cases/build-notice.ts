import type { ChannelDetail } from '../catalog/channel-types';
import type { EvidenceDetail } from '../evidence/evidence-repo';
import type { ReportData } from '../../common/report-json';
import { mapInTurns, nextTurn } from '../in-turns';
import { noticeItemsInTurns } from './notice-items';
import {
  type Notice,
  NOTICE_FORMAT,
  type RequestedAction,
  RESPONSE_FORMAT,
  RESPONSE_SCHEMA_ID,
} from '../notice/notice-types';
import { utc, utcOrNull } from '../notice/utc';

/** What the unit says in every notice; from the machine policy where IT set it (see noticeSettings). */
export interface NoticeSettings {
  organisation: string | null;
  contactEmail: string | null;
  requestedAction: RequestedAction;
  preservationDays: number;
}

export interface NoticeSource {
  noticeId: string;
  /** the case's revision: 1 for its first notice */
  revision: number;
  issuedAt: Date;
  /** the package's report.json: the case, the analyst and the evidence files in bag order */
  report: ReportData;
  /** the key that signs the package's first statement */
  signerFingerprint: string;
  channels: readonly ChannelDetail[];
  /** the case's evidence, in the order of report.evidence */
  evidence: readonly EvidenceDetail[];
  settings: NoticeSettings;
}

const EXPLANATION_LIMIT = 2000;

const INSTRUCTIONS =
  'Answer with a JSON file of format jejak-response/1 (schema urn:jejak:schema:jejak-response-1) that quotes this noticeId and, ' +
  'for each item, its itemId, its status (removed, restricted, not-actioned with a reason, or already-gone), when you acted, ' +
  'and your ticket number. Send it to the contact email, or back through the channel this notice came by.';

/** The first http(s) address in the legal basis text, if the analyst gave one. */
function referenceUrlIn(text: string): string | null {
  const found = /https?:\/\/[^\s<>"']+/.exec(text)?.[0]?.replace(/[.,;:)\]]+$/, '');
  if (!found) return null;
  try {
    return new URL(found).href;
  } catch {
    return null;
  }
}

/** The case's title and notes; the full text is in the report, so a long one is cut with "…". */
function explanation(title: string, notes: string): string {
  const chars = Array.from([title.trim(), notes.trim()].filter(Boolean).join('\n\n'));
  return chars.length <= EXPLANATION_LIMIT ? chars.join('') : `${chars.slice(0, EXPLANATION_LIMIT - 1).join('')}…`;
}

/** Evidence entries made between turns: each takes a few microseconds (its times converted to UTC). */
const EVIDENCE_PER_TURN = 2500;

/**
 * data/notice.json from the same data as report.json; the caller validates and writes it. Made with
 * turns: its items whenever they have held the thread 20 ms (notice-items.ts), its evidence list each
 * 2,500 entries (made in one call, the whole notice of 10,000 items held the thread 30 ms).
 */
export async function buildNotice(source: NoticeSource): Promise<Notice> {
  const { report, settings, noticeId } = source;
  const kase = report.case;
  const placed = source.evidence.map((detail, i) => ({ detail, path: report.evidence[i]!.file }));
  const items = await noticeItemsInTurns(noticeId, source.channels, placed);
  await nextTurn();
  const evidence = await mapInTurns(
    report.evidence,
    (e) => ({
      path: e.file,
      sha256: `sha256:${e.sha256}`,
      sha512: `sha512:${e.sha512}`,
      mediaType: e.mediaType,
      size: e.size,
      capturedAt: utcOrNull(e.capturedAt),
      intakeAt: utc(e.intakeAt),
      perceptualHash: e.perceptualHash ?? null,
      ...(e.recognisedText ? { recognisedText: e.recognisedText } : {}),
    }),
    EVIDENCE_PER_TURN,
  );
  return {
    format: NOTICE_FORMAT,
    noticeId,
    reference: kase.reference,
    revision: source.revision,
    issuedAt: source.issuedAt.toISOString(),
    platform: kase.platform,
    authority: {
      unit: report.unit,
      organisation: settings.organisation,
      contactEmail: settings.contactEmail,
      country: 'ID',
    },
    analyst: { name: report.analyst.name, fingerprint: report.analyst.fingerprint },
    signer: { role: 'analyst', fingerprint: source.signerFingerprint },
    legalBasis: {
      provision: kase.legalBasis.trim() || null,
      referenceUrl: referenceUrlIn(kase.legalBasis),
      explanation: explanation(kase.title, kase.notes),
    },
    goodFaith: true,
    priority: kase.priority,
    deadline: utc(kase.dueAt),
    requestedAction: settings.requestedAction,
    preservationDays: settings.preservationDays,
    items,
    evidence,
    response: {
      format: RESPONSE_FORMAT,
      schema: RESPONSE_SCHEMA_ID,
      noticeId,
      contactEmail: settings.contactEmail,
      instructions: INSTRUCTIONS,
    },
  };
}
