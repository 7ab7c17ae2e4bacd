/**
 * The content of a takedown request as data: `data/report.json` in a package (format
 * "jejak-report/1") and the input of the PDF renderer. Plain JSON types only, so the same
 * object is written to the package, rendered, and read back by a reviewer.
 */
export type ReportLanguage = 'id' | 'en';

export interface ReportSigner {
  name: string;
  unit: string;
  id: string;
  role: 'analyst' | 'supervisor';
  /** hex SHA-256 of the raw 32-byte Ed25519 public key */
  fingerprint: string;
}

export interface ReportCase {
  reference: string;
  title: string;
  platform: string;
  priority: 'urgent' | 'normal';
  /** ISO 8601 UTC */
  dueAt: string;
  legalBasis: string;
  notes: string;
  createdAt: string;
  exportedAt: string;
}

export interface ReportChannel {
  platform: string;
  kind: string;
  canonicalUrl: string;
  originalUrl: string;
  title: string;
  category: string;
  status: string;
  firstSeen: string;
  subscriberCount: number | null;
  evidenceCount: number;
}

export interface ReportEvidence {
  /** 1-based position in the package, also the file name prefix */
  seq: number;
  /** path inside the bag, e.g. "data/evidence/001-0123456789ab.png" */
  file: string;
  sha256: string;
  sha512: string;
  size: number;
  mediaType: string;
  width: number | null;
  height: number | null;
  capturedAt: string | null;
  intakeAt: string;
  takenBy: string;
  sourceUrl: string | null;
  /** canonical URL of the channel this item belongs to, if any */
  channelUrl: string | null;
  notes: string;
}

export interface ReportData {
  format: 'jejak-report/1';
  language: ReportLanguage;
  unit: string;
  case: ReportCase;
  analyst: ReportSigner;
  channels: ReportChannel[];
  evidence: ReportEvidence[];
}
