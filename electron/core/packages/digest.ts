import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { crc32 } from 'node:zlib';
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
}

/** Passes bytes through unchanged while feeding the same chunks to SHA-256, SHA-512 and CRC-32: one pass. */
export class DigestStream extends Transform {
  private readonly sha256 = createHash('sha256');
  private readonly sha512 = createHash('sha512');
  private readonly kept: Buffer[] = [];
  private crc = 0;
  private size = 0;
  digests?: Digests;

  constructor(private readonly options: DigestOptions = {}) {
    super({ highWaterMark: CHUNK });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.sha256.update(chunk);
    if (this.options.knownSha512 === undefined) this.sha512.update(chunk);
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    this.options.onBytes?.(chunk.length);
    const { keepUpTo } = this.options;
    if (keepUpTo !== undefined) {
      if (this.size > keepUpTo) return callback(new JejakError('INVALID_INPUT', `A file that must be checked is larger than ${keepUpTo} bytes.`));
      this.kept.push(chunk);
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.digests = { sha256: this.sha256.digest('hex'), sha512: this.options.knownSha512 ?? this.sha512.digest('hex'), crc32: this.crc, size: this.size };
    const problem = this.options.check?.(this.digests);
    callback(problem ? new JejakError('INTEGRITY', problem) : null);
  }

  get bytes(): Buffer {
    return Buffer.concat(this.kept);
  }
}
