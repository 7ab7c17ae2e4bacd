/** The named checks a verification reports, in the order they run. */
export const CHECK_IDS = [
  'zip-structure',
  'zip-limits',
  'entry-names',
  'entry-types',
  'entry-unique',
  'single-folder',
  'zip-data',
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
  'report',
  'notice',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export interface Check {
  id: CheckId;
  ok: boolean;
  detail: string;
}

/** A hostile archive can produce thousands of problems; the detail names the first few. */
const LISTED = 10;

export class CheckList {
  readonly checks: Check[] = [];

  add(id: CheckId, problems: readonly string[], okDetail: string): void {
    const ok = problems.length === 0;
    const more = problems.length > LISTED ? `; and ${problems.length - LISTED} more` : '';
    this.checks.push({ id, ok, detail: ok ? okDetail : `${problems.slice(0, LISTED).join('; ')}${more}` });
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
  bytes?: Buffer;
}

export function decodeUtf8(bytes: Buffer | undefined): string | null {
  if (!bytes) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
