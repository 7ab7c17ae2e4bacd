import { inEnglish, type Phrase, say } from './phrases';

/**
 * The named checks a verification reports, in the order they run. A ZIP reports zip-structure,
 * zip-limits and zip-data; an unzipped bag folder reports the folder-* check in their place.
 */
export const CHECK_IDS = [
  'zip-structure',
  'folder-structure',
  'zip-limits',
  'folder-limits',
  'entry-names',
  'entry-types',
  'entry-unique',
  'single-folder',
  'zip-data',
  'folder-data',
  'format-version',
  'layout',
  'bagit',
  'bag-info',
  'payload-oxum',
  'manifests-complete',
  'manifest-sha256',
  'manifest-sha512',
  'tagmanifest-sha256',
  'tagmanifest-sha512',
  'evidence-names',
  'signature-files',
  'statement-format',
  'statement-roles',
  'signer-keys',
  'signatures-ed25519',
  'statement-bag',
  'statement-covers',
  'distinct-signers',
  'report',
  'notice',
  'timestamps',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export interface Check {
  id: CheckId;
  ok: boolean;
  /** in English: what passed, or the problems found */
  detail: string;
  /** the same, phrase by phrase, for the reader's language (joined with "; ") */
  phrases: Phrase[];
}

/** A hostile archive can produce thousands of problems; the detail names the first few. */
const LISTED = 10;

export class CheckList {
  readonly checks: Check[] = [];

  add(id: CheckId, problems: readonly Phrase[], passed: Phrase | readonly Phrase[]): void {
    const ok = problems.length === 0;
    const more = problems.length > LISTED ? [say('check.more', { count: problems.length - LISTED })] : [];
    const phrases = ok ? [passed].flat() : [...problems.slice(0, LISTED), ...more];
    this.checks.push({ id, ok, detail: phrases.map(inEnglish).join('; '), phrases });
  }

  get allOk(): boolean {
    return this.checks.every((c) => c.ok);
  }
}

/** What reading one file of the bag established. */
export interface FileFacts {
  /** the declared size; reading enforces it */
  size: number;
  /** read whole with its size and CRC checked; skipped (not needed); or failed those checks */
  state: 'read' | 'skipped' | 'failed';
  sha256?: string;
  sha512?: string;
  /** kept in memory: tag files, report.json, statements, a captured entry */
  bytes?: Uint8Array;
}

/** Strict UTF-8. A byte-order mark is kept as U+FEFF, never silently dropped: see startsWithBom. */
export function decodeUtf8(bytes: Uint8Array | undefined): string | null {
  if (!bytes) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Tag files carry no byte-order mark: `sha256sum -c` would read the first line of a manifest as another name. */
export function startsWithBom(bytes: Uint8Array | undefined): boolean {
  return bytes !== undefined && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
