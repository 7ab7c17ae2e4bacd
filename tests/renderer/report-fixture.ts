import type { ReportChannel, ReportData, ReportEvidence } from '../../electron/common/report-json';

/** One evidence row of a report.json as the export writes it; `patch` changes what a test is about. */
export function reportEvidence(patch: Partial<ReportEvidence> = {}): ReportEvidence {
  return {
    seq: 1,
    file: 'data/evidence/001-aaaaaaaaaaaa.png',
    sha256: 'a'.repeat(64),
    sha512: 'b'.repeat(128),
    size: 1234,
    mediaType: 'image/png',
    width: null,
    height: null,
    capturedAt: null,
    intakeAt: '2026-11-27T02:00:00Z',
    takenBy: 'Ani Analis',
    sourceUrl: null,
    channelUrl: null,
    notes: '',
    ...patch,
  };
}

export function reportChannel(patch: Partial<ReportChannel> = {}): ReportChannel {
  return {
    platform: 'telegram',
    kind: 'channel',
    canonicalUrl: 'https://t.me/contoh',
    originalUrl: 'https://t.me/contoh',
    title: 'Contoh',
    category: 'Penipuan',
    status: 'active',
    firstSeen: '2026-11-20T00:00:00Z',
    subscriberCount: null,
    evidenceCount: 1,
    ...patch,
  };
}

/** A whole jejak-report/1 that parses with the schema; `patch` replaces top-level parts. */
export function reportJson(patch: Partial<ReportData> = {}): ReportData {
  return {
    format: 'jejak-report/1',
    language: 'id',
    unit: 'Direktorat Pengendalian',
    case: {
      reference: 'KOMINFO/2026/11/0042',
      title: 'Kanal penipuan investasi',
      platform: 'telegram',
      priority: 'urgent',
      dueAt: '2026-11-29T04:00:00Z',
      legalBasis: 'UU ITE Pasal 40',
      notes: '',
      createdAt: '2026-11-27T01:00:00Z',
      exportedAt: '2026-11-28T04:00:00Z',
    },
    analyst: {
      name: 'Ani Analis',
      unit: 'Direktorat Pengendalian',
      id: 'analyst-01',
      role: 'analyst',
      fingerprint: 'ab'.repeat(32),
    },
    channels: [],
    evidence: [reportEvidence()],
    ...patch,
  };
}
