import { z } from 'zod';
import { type ChainHeadLine, isChainHead } from '../audit/package-heads';
import { JejakError } from '../errors';
import { readPackageEntry } from '../packages';
import type { ChainPoint } from './custody-check';

/** What the unit reads of a verified package beyond its report: the notice's items and the custody excerpt. */

const noticeSchema = z.object({
  noticeId: z.string(),
  deadline: z.string(),
  items: z.array(
    z.object({
      itemId: z.string(),
      kind: z.string(),
      canonicalUrl: z.string(),
      category: z.string(),
    }),
  ),
  evidence: z.array(z.object({ path: z.string(), perceptualHash: z.string().nullable() })),
});
export type NoticeFacts = z.infer<typeof noticeSchema>;

export interface CustodyEntry extends Required<ChainPoint> {
  action: string;
  at: string;
}

export interface CustodyExcerpt {
  head: ChainHeadLine | null;
  entries: CustodyEntry[];
}

const entrySchema = z.object({
  type: z.literal('audit-entry'),
  seq: z.number().int(),
  hash: z.string(),
  prevHash: z.string(),
  action: z.string(),
  at: z.string(),
});

/** A verified package's payload file by bag path (maxBytes bounds a file read from the package again). */
export type PayloadReader = (bagPath: string, maxBytes?: number) => Promise<Buffer>;

/** The files the unit takes from a package: its originals, the notice and the custody excerpt. */
export const takenFromPackage = (bagPath: string): boolean =>
  bagPath.startsWith('data/evidence/') || bagPath === 'data/notice.json' || bagPath === 'data/custody.jsonl';

/**
 * Reads from the bytes the verification kept (each file hashed in that same pass), or, for a file
 * past what it keeps, from the package again, checked once more by readPackageEntry.
 */
export function payloadReader(
  file: string,
  kept: ReadonlyMap<string, Uint8Array>,
  open: { ageIdentities: string[]; signal?: AbortSignal },
): PayloadReader {
  return async (bagPath, maxBytes) => {
    const bytes = kept.get(bagPath);
    if (bytes) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return readPackageEntry(file, bagPath, { ...open, ...(maxBytes === undefined ? {} : { maxBytes }) });
  };
}

async function jsonEntry(read: PayloadReader, path: string): Promise<string> {
  return (await read(path)).toString('utf8');
}

export async function readNotice(read: PayloadReader): Promise<NoticeFacts> {
  const parsed = noticeSchema.safeParse(JSON.parse(await jsonEntry(read, 'data/notice.json')));
  if (!parsed.success) throw new JejakError('INTEGRITY', 'data/notice.json does not carry the items the unit records.');
  return parsed.data;
}

/** data/custody.jsonl: the audit entries about the package's items and the vault's head at export. */
export async function readCustody(read: PayloadReader): Promise<CustodyExcerpt> {
  const excerpt: CustodyExcerpt = { head: null, entries: [] };
  for (const line of (await jsonEntry(read, 'data/custody.jsonl')).split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new JejakError('INTEGRITY', 'data/custody.jsonl has a line that is not JSON.');
    }
    if (isChainHead(value)) excerpt.head = value;
    const entry = entrySchema.safeParse(value);
    if (entry.success) {
      const { seq, hash, prevHash, action, at } = entry.data;
      excerpt.entries.push({ seq, hash, prevHash, action, at });
    }
  }
  return excerpt;
}
