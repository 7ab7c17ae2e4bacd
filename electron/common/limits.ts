/**
 * Every limit more than one layer must agree on, defined once: the contract's schemas, the core's
 * checks, the renderer's early refusals (before a file is read) and the verifier page import these.
 */

export const MiB = 2 ** 20;
export const GiB = 2 ** 30;

/** The length of `bytes` bytes as base64: what the contract lets through for an upload of that size. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** Evidence sent as bytes (pasted, or any file in the browser harness); a larger file is taken in from disk. */
export const MAX_EVIDENCE_UPLOAD_BYTES = 64 * MiB;
/** A package sent as bytes (the browser harness); a larger one is opened or received from disk. */
export const MAX_PACKAGE_UPLOAD_BYTES = GiB;
/** A platform's jejak-response/1 file: 100,000 answers (its schema's limit) of a few hundred bytes each, with room to spare. */
export const MAX_RESPONSE_FILE_BYTES = 64 * MiB;
/** Pasted links or a CSV file imported into the catalogue in one go. */
export const MAX_IMPORT_CHARS = 5_000_000;
/** A trust roster file imported in Settings. */
export const MAX_ROSTER_CHARS = 2_000_000;

/** The words people type, as the contract bounds them and the forms stop them. */
export const TEXT_LIMITS = {
  /** a title, a channel's status note */
  short: 500,
  notes: 20_000,
  legalBasis: 5000,
  /** a supervisor's comment on a package or one of its items */
  comment: 5000,
  /** why an item is excluded, a case status note */
  reason: 2000,
  tag: 60,
  tags: 50,
} as const;

/**
 * What a verification reads of a package before it judges it, a ZIP or an unzipped folder alike:
 * in the app, the CLI and the verifier page.
 */
export const PACKAGE_LIMITS = {
  /** the sum of all declared uncompressed sizes */
  maxTotalBytes: 8 * GiB,
  maxEntries: 100_000,
  /** uncompressed/compressed size allowed for an entry over 1 MiB (text deflates ~5-20×) */
  maxCompressionRatio: 200,
  /** tag files, report.json, notice.json and statements are held in memory: their total */
  maxMetadataBytes: 128 * MiB,
};

/** One file read out of a package to be shown (an evidence image under review). */
export const MAX_SHOWN_FILE_BYTES = 64 * MiB;
/** report.json as the writer keeps it in memory, to check it against the bag before signing. */
export const MAX_REPORT_JSON_BYTES = 64 * MiB;
