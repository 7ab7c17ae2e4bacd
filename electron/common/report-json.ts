import { z } from 'zod';
import { PACKAGE_LIMITS } from './limits';

/**
 * `data/report.json` of a package (format "jejak-report/1"): the content of a takedown request as
 * data. One schema for every reader and writer: the export writes it (and checks it before it
 * signs), the verifier checks a package's report against it, and the review screens show a report
 * only as it parses here. Also the input of the PDF renderer.
 */
export const REPORT_FORMAT = 'jejak-report/1';

const languageSchema = z.enum(['id', 'en']);

const signerSchema = z.object({
  name: z.string(),
  unit: z.string(),
  id: z.string(),
  role: z.enum(['analyst', 'supervisor']),
  /** hex SHA-256 of the raw 32-byte Ed25519 public key */
  fingerprint: z.string(),
});

const caseSchema = z.object({
  reference: z.string(),
  title: z.string(),
  platform: z.string(),
  priority: z.enum(['urgent', 'normal']),
  /** ISO 8601 UTC */
  dueAt: z.string(),
  legalBasis: z.string(),
  notes: z.string(),
  createdAt: z.string(),
  exportedAt: z.string(),
});

const channelSchema = z.object({
  platform: z.string(),
  kind: z.string(),
  canonicalUrl: z.string(),
  originalUrl: z.string(),
  title: z.string(),
  category: z.string(),
  status: z.string(),
  firstSeen: z.string(),
  subscriberCount: z.number().nullable(),
  evidenceCount: z.number(),
});

const evidenceSchema = z.object({
  /** 1-based position in the package, also the file name prefix */
  seq: z.number(),
  /** path inside the bag, e.g. "data/evidence/001-0123456789ab.png" */
  file: z.string(),
  sha256: z.string(),
  sha512: z.string(),
  size: z.number(),
  mediaType: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  capturedAt: z.string().nullable(),
  intakeAt: z.string(),
  takenBy: z.string(),
  sourceUrl: z.string().nullable(),
  /** canonical URL of the channel this item belongs to, if any */
  channelUrl: z.string().nullable(),
  notes: z.string(),
  /** "pdq:<hex>", Meta's perceptual hash, for a picture (absent in reports made before PDQ) */
  perceptualHash: z.string().nullable().optional(),
  /** the text OCR read inside the picture, when it has been read */
  recognisedText: z.string().nullable().optional(),
});

/** No list is longer than a package may hold entries: a hostile report cannot flood the screen. */
export const REPORT_MAX_ROWS = PACKAGE_LIMITS.maxEntries;

export const reportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  language: languageSchema,
  unit: z.string(),
  case: caseSchema,
  analyst: signerSchema,
  channels: z.array(channelSchema).max(REPORT_MAX_ROWS),
  evidence: z.array(evidenceSchema).max(REPORT_MAX_ROWS),
});

/** Each entry of the report's two long lists, for a check made entry by entry (report-check.ts). */
export const reportListEntrySchemas = { channels: channelSchema, evidence: evidenceSchema } as const;

export type ReportLanguage = z.infer<typeof languageSchema>;
export type ReportSigner = z.infer<typeof signerSchema>;
export type ReportCase = z.infer<typeof caseSchema>;
export type ReportChannel = z.infer<typeof channelSchema>;
export type ReportEvidence = z.infer<typeof evidenceSchema>;
export type ReportData = z.infer<typeof reportSchema>;

/** A package's report as the screens show it, or null when it is not a report.json this schema reads. */
export function readReport(raw: unknown): ReportData | null {
  const parsed = reportSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
