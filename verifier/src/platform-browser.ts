import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { AsnConvert } from '@peculiar/asn1-schema';
import { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import {
  DEFLATE_TRAILING_DATA,
  type ByteSource,
  type Hasher,
  type Platform,
  type SpkiKey,
} from '../../electron/core/packages/platform';
import { crc32 } from './crc32';

/**
 * The verify path's platform in a browser: Blob.slice reads, @noble/hashes for the streamed hashes
 * (WebCrypto's digest takes the whole input at once), DecompressionStream for deflate, WebCrypto
 * for Ed25519 where the browser has it, else @noble/curves in its strict RFC 8032 mode.
 */

export function blobSource(blob: Blob): ByteSource {
  /** buffers a byte reader has handed back, ready for the next read */
  const spare: ArrayBuffer[] = [];
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
    // Why not arrayBuffer(): a new buffer for every chunk stays counted against the page until the
    // garbage collector comes round, and a large package's verify then peaked at 67-117 MB instead
    // of a steady figure. A byte reader fills a buffer we keep; its bytes are copied into `target`,
    // since a BYOB read takes the buffer it is given away from whoever held it.
    readInto: async (target, offset) => {
      const reader = blob
        .slice(offset, offset + target.length)
        .stream()
        .getReader({ mode: 'byob' });
      let buffer = spare.pop() ?? new ArrayBuffer(target.length);
      let filled = 0;
      try {
        while (filled < target.length) {
          const room = Math.min(buffer.byteLength, target.length - filled);
          const { value, done } = await reader.read(new Uint8Array(buffer, 0, room));
          // the read took `buffer`; what it gives back (even at the end) is the same memory
          if (value) buffer = value.buffer;
          if (done || !value) break;
          target.set(value, filled);
          filled += value.byteLength;
        }
      } finally {
        reader.releaseLock();
      }
      spare.push(buffer);
      return filled;
    },
  };
}

function hasher(hash: typeof sha256 | typeof sha512): Hasher {
  const state = hash.create();
  return { update: (chunk) => void state.update(chunk), digest: () => Promise.resolve(bytesToHex(state.digest())) };
}

/**
 * The browser's words for bad deflate data, as zlib (which Node and Chromium both use) words them:
 * "Failed to execute 'write' on …: The compressed data was not valid: invalid block type." says
 * what Node says as "invalid block type".
 */
function inflateError(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (/junk/i.test(message)) return new Error(DEFLATE_TRAILING_DATA);
  if (/truncated/i.test(message)) return new Error('unexpected end of file');
  return new Error(
    message
      .replace(/^Failed to execute '\w+' on '\w+': /, '')
      .replace(/^The compressed data was not valid: /, '')
      .replace(/\.$/, ''),
  );
}

/** DecompressionStream refuses damaged, truncated and trailing data, as the Platform contract asks. */
async function* inflateRaw(compressed: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const source = compressed[Symbol.asyncIterator]();
  /** the source's own failure (a read of the package), reported as itself */
  let sourceError: unknown;
  let stop = false;
  const feeding = (async () => {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await source.next();
      } catch (err) {
        sourceError = err;
        return writer.abort(err).catch(() => undefined);
      }
      if (stop) return source.return?.();
      if (next.done) return writer.close().catch(() => undefined);
      // A write fails only when the stream has failed, and the reader below says why.
      await writer.write(next.value as Uint8Array<ArrayBuffer>).catch(() => undefined);
    }
  })();
  try {
    for (;;) {
      const read = await reader.read().catch((err: unknown) => Promise.reject(sourceError ?? inflateError(err)));
      if (read.done) return;
      yield read.value;
    }
  } finally {
    stop = true;
    await reader.cancel().catch(() => undefined);
    await feeding;
  }
}

/** The key types Node names, by algorithm OID (RFC 8410, RFC 3279, RFC 5480, RFC 4055). */
const KEY_TYPES: Record<string, string> = {
  '1.3.101.112': 'ed25519',
  '1.3.101.113': 'ed448',
  '1.3.101.110': 'x25519',
  '1.3.101.111': 'x448',
  '1.2.840.113549.1.1.1': 'rsa',
  '1.2.840.113549.1.1.10': 'rsa-pss',
  '1.2.840.10045.2.1': 'ec',
  '1.2.840.10040.4.1': 'dsa',
  '1.2.840.113549.1.3.1': 'dh',
};
const ED25519_SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);

/** As OpenSSL reads SPKI: an Ed25519 key takes no parameters and exactly 32 bytes. */
async function readSpki(der: Uint8Array): Promise<SpkiKey | null> {
  let spki: SubjectPublicKeyInfo;
  try {
    spki = AsnConvert.parse(der, SubjectPublicKeyInfo);
  } catch {
    return null;
  }
  const type = KEY_TYPES[spki.algorithm.algorithm];
  if (type === undefined) return null;
  if (type !== 'ed25519') return { type };
  const raw = new Uint8Array(spki.subjectPublicKey);
  if (spki.algorithm.parameters !== undefined || raw.length !== 32) return null;
  const canonicalDer = new Uint8Array(ED25519_SPKI_PREFIX.length + 32);
  canonicalDer.set(ED25519_SPKI_PREFIX);
  canonicalDer.set(raw, ED25519_SPKI_PREFIX.length);
  return { type, ed25519: { raw, canonicalDer } };
}

let webCryptoEd25519: Promise<boolean> | undefined;

/** Whether this browser's WebCrypto has Ed25519 (Chromium 137+, Firefox 129+, Safari 17+). */
function hasWebCryptoEd25519(): Promise<boolean> {
  // RFC 8032's first test key: a browser that validates keys on import accepts it too.
  const rfc8032Key = Uint8Array.from(atob('11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo='), (c) => c.charCodeAt(0));
  webCryptoEd25519 ??= crypto.subtle.importKey('raw', rfc8032Key, { name: 'Ed25519' }, false, ['verify']).then(
    () => true,
    () => false,
  );
  return webCryptoEd25519;
}

async function verifyEd25519(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (await hasWebCryptoEd25519()) {
    try {
      const key = await crypto.subtle.importKey(
        'raw',
        publicKey as Uint8Array<ArrayBuffer>,
        { name: 'Ed25519' },
        false,
        ['verify'],
      );
      return await crypto.subtle.verify(
        { name: 'Ed25519' },
        key,
        signature as Uint8Array<ArrayBuffer>,
        data as Uint8Array<ArrayBuffer>,
      );
    } catch {
      return false;
    }
  }
  return nobleVerifyEd25519(publicKey, data, signature);
}

/** Where WebCrypto has no Ed25519: RFC 8032 encodings only (no ZIP-215 leniency), as OpenSSL. */
export function nobleVerifyEd25519(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, data, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

export const browserPlatform: Platform = {
  sha256: () => hasher(sha256),
  sha512: () => hasher(sha512),
  crc32,
  inflateRaw,
  readSpki,
  verifyEd25519,
};
