import type { Transform } from 'node:stream';
import { createDeflateRaw, DeflateRaw } from 'node:zlib';
import { releaseNow } from '../release-now';

/**
 * Raw DEFLATE that gives each chunk written to it back to the system once compressed (releaseNow):
 * for a source whose chunks are new and used by nothing else (a payload text's, streamed-text.ts).
 * Left to the collector, the texts of a 20,000-item export (report.json, custody.jsonl and
 * notice.json: 40 MB in 64 KB chunks) were 20-30 MiB of dead buffers at once while they were written,
 * the export's peak. zlib calls a chunk's callback once it has read all of it.
 */
export class ReleasingDeflateRaw extends DeflateRaw {
  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    super._transform(chunk, encoding, (error?: Error | null) => {
      if (!error) releaseNow(chunk);
      callback(error);
    });
  }
}

/**
 * Raw DEFLATE for a ZIP entry, its output in chunks of 64 KiB (zlib's default is 16: more pieces for
 * the writer); `releasable`: the input's chunks are the stream's to give back (ReleasingDeflateRaw).
 */
export function rawDeflate(releasable: boolean): Transform {
  const options = { chunkSize: 1 << 16 };
  return releasable ? new ReleasingDeflateRaw(options) : createDeflateRaw(options);
}
