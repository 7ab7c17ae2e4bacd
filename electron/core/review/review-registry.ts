import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import { JejakError } from '../errors';
import { SNIFF_BYTES, isRenderableImage, sniffMediaType } from '../evidence/media/sniff';
import { judge, type RosterEntry, readPackageEntry, verifyPackage } from '../packages';
import type { OperationOptions, VerifyResult } from '../packages';
import { payloadList } from './package-view';
import { writePrivateTemp } from './private-temp';

export { payloadList } from './package-view';

export interface OpenOptions extends OperationOptions {
  /** the vault's age identity, for a package encrypted for it; kept with the open package to show its files */
  ageIdentities?: readonly string[];
  /** TSA roots, PEM: a time-stamp's TSA must chain to one for its time to be trusted */
  tsaRoots?: readonly string[];
}

export interface OpenedPackage {
  reviewId: string;
  fileName: string;
  path: string;
  result: VerifyResult;
}

/**
 * Packages open for review. A package given as bytes (the browser harness) is written to a
 * private temp folder (mode 0700) and removed on close or lock; one given by path is read in place.
 * Nothing is ever extracted: entries are read from the ZIP into memory when shown. An age-encrypted
 * package stays encrypted on disk (bytes given are its ciphertext) and is decrypted chunk by chunk.
 */
export class ReviewRegistry {
  private readonly opened = new Map<string, OpenedPackage & { tempDir?: string; ageIdentities?: readonly string[] }>();

  async openPath(
    path: string,
    roster: readonly RosterEntry[],
    opts: OpenOptions = {},
    tempDir?: string,
  ): Promise<OpenedPackage> {
    const result = await verifyPackage(path, { ...opts, roster });
    const opened = {
      reviewId: randomUUID(),
      fileName: basename(path),
      path,
      result,
      tempDir,
      ageIdentities: opts.ageIdentities,
    };
    this.opened.set(opened.reviewId, opened);
    return opened;
  }

  async openBytes(
    name: string,
    bytes: Buffer,
    roster: readonly RosterEntry[],
    opts: OpenOptions = {},
  ): Promise<OpenedPackage> {
    const temp = writePrivateTemp(name, bytes);
    try {
      return await this.openPath(temp.path, roster, opts, temp.dir);
    } catch (e) {
      temp.remove();
      throw e;
    }
  }

  get(reviewId: string): OpenedPackage {
    const found = this.opened.get(reviewId);
    if (!found) throw new JejakError('NOT_FOUND', 'That package is no longer open; open it again.');
    return found;
  }

  /** The roster changed: every open package is judged again at once, without reading it again. */
  rejudge(roster: readonly RosterEntry[]): void {
    for (const opened of this.opened.values()) opened.result = { ...opened.result, ...judge(opened.result, roster) };
  }

  /** One payload image of an open, valid package, from memory; null for anything not renderable. */
  async image(reviewId: string, bagPath: string): Promise<{ type: string; bytes: Buffer } | null> {
    const opened = this.get(reviewId);
    if (opened.result.verdict === 'invalid' || !payloadList(opened.result).some((p) => p.file === bagPath)) return null;
    const bytes = await readPackageEntry(opened.path, bagPath, {
      ageIdentities: this.opened.get(reviewId)?.ageIdentities,
    });
    const type = sniffMediaType(bytes.subarray(0, SNIFF_BYTES));
    return isRenderableImage(type) ? { type, bytes } : null;
  }

  close(reviewId: string): void {
    const opened = this.opened.get(reviewId);
    if (opened?.tempDir) rmSync(opened.tempDir, { recursive: true, force: true });
    this.opened.delete(reviewId);
  }

  closeAll(): void {
    for (const id of [...this.opened.keys()]) this.close(id);
  }
}
