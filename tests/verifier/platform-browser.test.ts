import { createPublicKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../../electron/core/packages/platform-node';
import { browserPlatform, nobleVerifyEd25519 } from '../../verifier/src/platform-browser';

/**
 * The browser platform's primitives (run here in Node, which has the same web APIs) against Node's
 * on the inputs where two implementations could part: key encodings, signature edge cases, chunking.
 * The whole verifier is compared in Chromium by tests/e2e/verifier.spec.ts.
 */

const spki = (type: 'ed25519' | 'x25519' | 'ed448') =>
  generateKeyPairSync(type as 'ed25519').publicKey.export({ type: 'spki', format: 'der' });
const ed = spki('ed25519');
const raw = ed.subarray(12);
const hex = (h: string) => Buffer.from(h, 'hex');

describe('reading a public key from SPKI DER', () => {
  const cases: Array<[string, Buffer]> = [
    ['Ed25519, canonical', ed],
    ['a byte after the DER', Buffer.concat([ed, Buffer.from([0])])],
    ['NULL algorithm parameters', Buffer.concat([hex('302c300706032b65700500032100'), raw])],
    ['a 31-byte key', Buffer.concat([hex('3029300506032b6570032000'), raw.subarray(1)])],
    ['a BIT STRING with unused bits', Buffer.concat([hex('302a300506032b6570032101'), raw])],
    ['a long-form length', Buffer.concat([hex('30812a300506032b6570032100'), raw])],
    ['X25519', spki('x25519')],
    ['Ed448', spki('ed448')],
    ['RSA', generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' })],
    ['EC P-256', generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' })],
    ['no DER at all', Buffer.from('not a key')],
  ];
  it.each(cases)('%s: read as Node reads it', async (_label, der) => {
    // A key not in canonical DER is refused whatever its raw bytes; OpenSSL masks the bits a BIT
    // STRING declares unused, so its raw key differs from the browser's only for such a key.
    const seen = (k: Awaited<ReturnType<typeof nodePlatform.readSpki>>) => {
      const canonical = k?.ed25519 && Buffer.from(k.ed25519.canonicalDer).equals(der);
      return k && { type: k.type, canonical, raw: canonical ? Buffer.from(k.ed25519!.raw).toString('hex') : undefined };
    };
    expect(seen(await browserPlatform.readSpki(der))).toEqual(seen(await nodePlatform.readSpki(der)));
  });
});

describe('Ed25519 signatures', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const data = Buffer.from('{"format": "jejak-signature/2"}\n');
  const signature = sign(null, data, privateKey);
  // S + L: the same signature with a non-canonical scalar, which RFC 8032 (and OpenSSL) refuse.
  const L = 2n ** 252n + 27742317777372353535851937790883648493n;
  const s = Buffer.from(signature.subarray(32)).reverse();
  const sPlusL = Buffer.from((BigInt(`0x${s.toString('hex')}`) + L).toString(16).padStart(64, '0'), 'hex').reverse();
  const cases: Array<[string, Buffer, Buffer, Buffer]> = [
    ['a good signature', key, data, signature],
    ['a flipped bit of the signature', key, data, Buffer.from(signature.map((b, i) => (i === 3 ? b ^ 1 : b)))],
    ['other data', key, Buffer.from('other'), signature],
    ['a non-canonical S (S + L)', key, data, Buffer.concat([signature.subarray(0, 32), sPlusL])],
    [
      'the identity point as key, with R = identity and S = 0',
      hex(`01${'00'.repeat(31)}`),
      data,
      Buffer.concat([hex(`01${'00'.repeat(31)}`), Buffer.alloc(32)]),
    ],
    ['a key that is no curve point', Buffer.alloc(32, 0xff), data, signature],
  ];
  it.each(cases)('%s: WebCrypto and @noble/curves decide as OpenSSL does', async (label, pub, bytes, sig) => {
    const node = await nodePlatform.verifyEd25519(pub, bytes, sig).catch(() => false);
    expect(await browserPlatform.verifyEd25519(pub, bytes, sig)).toBe(node);
    // A small-order key "signs" anything; OpenSSL and WebCrypto (BoringSSL in Chromium) accept that,
    // @noble/curves refuses it. The fallback only runs where a browser lacks WebCrypto Ed25519.
    expect(nobleVerifyEd25519(pub, bytes, sig)).toBe(label.startsWith('the identity point') ? false : node);
  });
  it('the Node platform checks the key it was given', () => {
    expect(
      createPublicKey({ key: Buffer.concat([hex('302a300506032b6570032100'), key]), format: 'der', type: 'spki' })
        .asymmetricKeyType,
    ).toBe('ed25519');
  });
});

describe('hashes and CRC-32 over chunks', () => {
  it.each([0, 1, 63, 64, 1000, 3 * 2 ** 20 + 17])('%i bytes in odd chunks', async (size) => {
    const bytes = randomBytes(size);
    const cuts = [0, Math.floor(size / 3), Math.floor(size / 2) + 1, size];
    const pieces = cuts.slice(1).map((end, i) => bytes.subarray(cuts[i], end));
    for (const algorithm of ['sha256', 'sha512'] as const) {
      const ours = browserPlatform[algorithm](size);
      for (const piece of pieces) await ours.update(piece);
      const node = nodePlatform[algorithm](size);
      await node.update(bytes);
      expect(await ours.digest(), algorithm).toBe(await node.digest());
    }
    expect(pieces.reduce((crc, piece) => browserPlatform.crc32(piece, crc), 0)).toBe(crc32(bytes));
  });
});
