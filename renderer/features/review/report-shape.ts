/**
 * data/report.json of a package under review ("jejak-report/1"), read defensively: the package
 * may come from anywhere, so every field is taken only when it has the expected type, and what
 * is missing becomes empty rather than breaking the screen.
 */
export interface ReportChannelView {
  platform: string;
  kind: string;
  canonicalUrl: string;
  originalUrl: string;
  title: string;
  category: string;
  status: string;
  firstSeen: string;
  subscriberCount: number | null;
  evidenceCount: number | null;
}

export interface ReportEvidenceView {
  seq: number | null;
  file: string;
  sha256: string;
  sha512: string;
  size: number | null;
  mediaType: string;
  width: number | null;
  height: number | null;
  capturedAt: string;
  intakeAt: string;
  takenBy: string;
  sourceUrl: string;
  channelUrl: string;
  notes: string;
}

export interface ReportView {
  unit: string;
  language: string;
  reference: string;
  title: string;
  platform: string;
  priority: string;
  dueAt: string;
  legalBasis: string;
  notes: string;
  createdAt: string;
  exportedAt: string;
  analyst: { name: string; unit: string; id: string; role: string; fingerprint: string };
  channels: ReportChannelView[];
  evidence: ReportEvidenceView[];
}

type Obj = Record<string, unknown>;

const MAX_ROWS = 100_000;

function obj(v: unknown): Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {};
}

function str(o: Obj, key: string): string {
  const v = o[key];
  return typeof v === 'string' ? v : '';
}

function num(o: Obj, key: string): number | null {
  const v = o[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function list(v: unknown): Obj[] {
  return Array.isArray(v) ? v.slice(0, MAX_ROWS).map(obj) : [];
}

/** The report as the screens show it, or null when the package carries no readable jejak-report/1. */
export function readReport(raw: unknown): ReportView | null {
  const r = obj(raw);
  if (r.format !== 'jejak-report/1') return null;
  const c = obj(r.case);
  const a = obj(r.analyst);
  return {
    unit: str(r, 'unit'),
    language: str(r, 'language'),
    reference: str(c, 'reference'),
    title: str(c, 'title'),
    platform: str(c, 'platform'),
    priority: str(c, 'priority'),
    dueAt: str(c, 'dueAt'),
    legalBasis: str(c, 'legalBasis'),
    notes: str(c, 'notes'),
    createdAt: str(c, 'createdAt'),
    exportedAt: str(c, 'exportedAt'),
    analyst: {
      name: str(a, 'name'),
      unit: str(a, 'unit'),
      id: str(a, 'id'),
      role: str(a, 'role'),
      fingerprint: str(a, 'fingerprint'),
    },
    channels: list(r.channels).map((ch) => ({
      platform: str(ch, 'platform'),
      kind: str(ch, 'kind'),
      canonicalUrl: str(ch, 'canonicalUrl'),
      originalUrl: str(ch, 'originalUrl'),
      title: str(ch, 'title'),
      category: str(ch, 'category'),
      status: str(ch, 'status'),
      firstSeen: str(ch, 'firstSeen'),
      subscriberCount: num(ch, 'subscriberCount'),
      evidenceCount: num(ch, 'evidenceCount'),
    })),
    evidence: list(r.evidence).map((e) => ({
      seq: num(e, 'seq'),
      file: str(e, 'file'),
      sha256: str(e, 'sha256'),
      sha512: str(e, 'sha512'),
      size: num(e, 'size'),
      mediaType: str(e, 'mediaType'),
      width: num(e, 'width'),
      height: num(e, 'height'),
      capturedAt: str(e, 'capturedAt'),
      intakeAt: str(e, 'intakeAt'),
      takenBy: str(e, 'takenBy'),
      sourceUrl: str(e, 'sourceUrl'),
      channelUrl: str(e, 'channelUrl'),
      notes: str(e, 'notes'),
    })),
  };
}
