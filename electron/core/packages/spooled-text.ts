import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { ScratchFile } from '../age/scratch-file';
import { JejakError } from '../errors';
import { releaseNow } from '../release-now';
import { inBuffers, type StreamedText } from '../streamed-text';
import { asUnwritable } from './write-atomically';

/** How much is read back into each buffer of the stream: a scratch file's page. */
const READ_BYTES = 256 * 1024;

/** A payload text sealed on disk until written: disposed of once the package is written, or has failed. */
export interface SpooledText extends StreamedText {
  dispose(): Promise<void>;
}

/**
 * A payload text (report.json, notice.json) made once, sealed into a scratch file as it is made
 * (pages under a key that lives only in this process: never plaintext on disk), and read back when
 * the package writer opens it. What it was made from may be let go of as soon as this returns.
 * Made again as the writer read it (streamedText), the report and the notice stayed on the export's
 * thread until their entries were written, with the report PDF's drawing thread growing beside
 * them: the export's peak, at 10,000 items in 1,000 channels 64 MiB of heap for 40 MiB live (`--trace-gc`).
 */
export async function spooledText(pieces: () => AsyncIterable<string> | Iterable<string>): Promise<SpooledText> {
  let file: ScratchFile;
  try {
    file = await ScratchFile.create('text');
  } catch (e) {
    throw asUnwritable(e, tmpdir(), "A payload text's sealed temporary copy");
  }
  let size = 0;
  try {
    for await (const buffer of inBuffers(pieces())) {
      await file.write(buffer, 0, buffer.length, size);
      size += buffer.length;
      releaseNow(buffer);
    }
  } catch (e) {
    await file.dispose();
    throw e;
  }
  let opened = false;
  return {
    size,
    releasable: true,
    open: () => {
      if (opened) throw new JejakError('INTERNAL', 'A payload text was read twice.');
      opened = true;
      return Readable.from(readBack(file, size), { highWaterMark: 1 });
    },
    dispose: () => file.dispose(),
  };
}

/** The file's bytes in order, each chunk a new buffer (the writer releases it once written). */
async function* readBack(file: ScratchFile, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < size; at += READ_BYTES) {
    const chunk = Buffer.allocUnsafeSlow(Math.min(READ_BYTES, size - at));
    await file.read(chunk, 0, chunk.length, at);
    yield chunk;
  }
}
