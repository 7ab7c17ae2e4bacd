import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { crc32 } from 'node:zlib';
import { type Sha512Hasher, sha512Hasher } from '../parallel-sha512';
import { JejakError } from '../errors';
import { CHUNK } from './zip-read';

export interface Digests {
  sha256: string;
  sha512: string;
  crc32: number;
  size: number;
}

export interface DigestOptions {
  /** called per chunk with its length */
  onBytes?: (n: number) => void;
  /** keep the bytes (at most this many) for a check after the stream */
  keepUpTo?: number;
  /** an integrity problem with the finished digests, or null */
  check?: (d: Digests) => string | null;
  /** the SHA-512 already known for these bytes: not computed again (the caller's check must hold the SHA-256 to its expected value) */
  knownSha512?: string;
  /** the expected byte count, when known: large files hash SHA-512 on the second core */
  size?: number;
}

/** Passes bytes through unchanged while feeding the same chunks to SHA-256, SHA-512 and CRC-32: one pass. */
export class DigestStream extends Transform {
  private readonly sha256 = createHash('sha256');
  private readonly sha512: Sha512Hasher | null;
  private readonly kept: Buffer[] = [];
  private crc = 0;
  private size = 0;
  digests?: Digests;

  constructor(private readonly options: DigestOptions = {}) {
    super({ highWaterMark: CHUNK });
    this.sha512 = options.knownSha512 === undefined ? sha512Hasher(options.size ?? 0) : null;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.sha256.update(chunk);
    this.sha512?.update(chunk);
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    this.options.onBytes?.(chunk.length);
    const { keepUpTo } = this.options;
    if (keepUpTo !== undefined) {
      if (this.size > keepUpTo)
        return callback(
          new JejakError('INVALID_INPUT', `A file that must be checked is larger than ${keepUpTo} bytes.`),
        );
      this.kept.push(chunk);
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const sha256 = this.sha256.digest('hex');
    (this.sha512 ? this.sha512.digest() : Promise.resolve(this.options.knownSha512!)).then(
      (sha512) => {
        this.digests = { sha256, sha512, crc32: this.crc, size: this.size };
        const problem = this.options.check?.(this.digests);
        callback(problem ? new JejakError('INTEGRITY', problem) : null);
      },
      (e: Error) => callback(e),
    );
  }

  get bytes(): Buffer {
    return Buffer.concat(this.kept);
  }
}
