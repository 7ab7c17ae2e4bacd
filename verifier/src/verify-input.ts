import { JejakError } from '../../electron/core/errors';
import { isRenderableImage, SNIFF_BYTES, sniffMediaType } from '../../electron/core/evidence/media/sniff';
import type { FolderSource } from '../../electron/core/packages/platform';
import {
  readBagEntry,
  readZipEntry,
  verifyBag,
  verifyZip,
  type VerifyOptions,
  type VerifyResult,
} from '../../electron/core/packages/verify-source';
import { blobSource, browserPlatform } from './platform-browser';

/** What the recipient gave the page: a package file, or the folder of an unzipped package. */
export type PackageInput = { kind: 'zip'; file: File } | { kind: 'folder'; folder: FolderSource };

const AGE_MAGIC = new TextEncoder().encode('age-encryption.org/v1\n');

/**
 * An age-encrypted package (NAME.zip.age) is no ZIP this page can open without its recipient's
 * key: it is named as that, not judged, as `jejak verify` without a key refuses it.
 */
async function refuseEncrypted(file: Blob): Promise<void> {
  const head = new Uint8Array(await file.slice(0, AGE_MAGIC.length).arrayBuffer());
  if (head.length === AGE_MAGIC.length && head.every((b, i) => b === AGE_MAGIC[i])) {
    throw new JejakError(
      'UNAVAILABLE',
      'This package is encrypted (age): decrypt it first with age -d, or use jejak verify --identity KEY.txt.',
    ).because('verifier.ageEncrypted');
  }
}

/** The same verification as `jejak verify`, on the browser's platform. */
export async function verifyInput(input: PackageInput, opts: VerifyOptions): Promise<VerifyResult> {
  if (input.kind === 'folder') return verifyBag(input.folder, browserPlatform, opts);
  await refuseEncrypted(input.file);
  return verifyZip(blobSource(input.file), browserPlatform, opts);
}

/**
 * One evidence file as a picture, held in memory: read out of the package again, with the
 * structure, tag files, signatures and its own hashes checked on the way, and drawn only when its
 * bytes are an image the browser decodes (never a document or anything that could run script).
 * Null for anything else.
 */
export async function evidenceImage(input: PackageInput, bagPath: string): Promise<Blob | null> {
  const bytes =
    input.kind === 'zip'
      ? await readZipEntry(blobSource(input.file), browserPlatform, bagPath)
      : await readBagEntry(input.folder, browserPlatform, bagPath);
  const type = sniffMediaType(bytes.subarray(0, SNIFF_BYTES));
  return isRenderableImage(type) ? new Blob([bytes as Uint8Array<ArrayBuffer>], { type }) : null;
}
