import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { MessageImprint, TimeStampReq } from '@peculiar/asn1-tsp';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';

export const SHA256_OID = '2.16.840.1.101.3.4.2.1';

/**
 * An RFC 3161 TimeStampReq over a SHA-256: the hash, a random 64-bit nonce and certReq (so the
 * token carries the TSA's certificate). Nothing of the package but the hash leaves in it.
 */
export function timeStampRequest(sha256: Uint8Array): Uint8Array {
  if (sha256.length !== 32) throw new Error('A time-stamp request is made over a 32-byte SHA-256.');
  const nonce = globalThis.crypto.getRandomValues(new Uint8Array(8));
  // A positive INTEGER in its shortest form: top bit clear, next bit set.
  nonce[0] = (nonce[0]! & 0x7f) | 0x40;
  const request = new TimeStampReq({
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithm: SHA256_OID, parameters: null }),
      hashedMessage: new OctetString(sha256),
    }),
    nonce: nonce.buffer,
    certReq: true,
  });
  return new Uint8Array(AsnConvert.serialize(request));
}
