/**
 * TSA roots as IT and rosters give them: X.509 certificates in PEM, one per string. Browser-safe.
 *
 * The check here is of shape, in DER, without pkijs: every CLI command parses the policy, and
 * loading pkijs for it cost about 140 ms of each command's start-up. The trust decision itself
 * (tsp-token.ts, tsaTrust) parses each root fully and fails closed: a root that passes this check
 * but does not parse trusts no time-stamp.
 */

const PEM_CERTIFICATE = /^\s*-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*$/;

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const VERSION = 0xa0; // [0] EXPLICIT
const OPTIONAL_TAIL = [0x81, 0x82, 0xa3]; // issuerUniqueID, subjectUniqueID, extensions

interface Tlv {
  tag: number;
  /** first byte of the value */
  start: number;
  /** one past its last byte */
  end: number;
}

/** One DER tag-length-value at `at`, its value inside `limit`; null when it is not one. */
function tlvAt(bytes: Uint8Array, at: number, limit: number): Tlv | null {
  if (at + 2 > limit) return null;
  const tag = bytes[at]!;
  const first = bytes[at + 1]!;
  let length = first;
  let start = at + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    // DER: the long form only for 128 and more, in as few bytes as it takes (and at most 4 here)
    if (count === 0 || count > 4 || start + count > limit || bytes[start] === 0) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i]!;
    if (length < 0x80) return null;
    start += count;
  }
  const end = start + length;
  return end <= limit ? { tag, start, end } : null;
}

/** The values inside a constructed value, each read whole; null when they do not fill it exactly. */
function childrenOf(bytes: Uint8Array, parent: Tlv): Tlv[] | null {
  const children: Tlv[] = [];
  for (let at = parent.start; at < parent.end;) {
    const child = tlvAt(bytes, at, parent.end);
    if (!child) return null;
    children.push(child);
    at = child.end;
  }
  return children;
}

/** Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue } (RFC 5280 §4.1). */
function isCertificateDer(bytes: Uint8Array): boolean {
  const outer = tlvAt(bytes, 0, bytes.length);
  if (!outer || outer.tag !== SEQUENCE || outer.end !== bytes.length) return false;
  const parts = childrenOf(bytes, outer);
  if (parts?.length !== 3) return false;
  const [tbs, algorithm, signature] = parts as [Tlv, Tlv, Tlv];
  if (tbs.tag !== SEQUENCE || algorithm.tag !== SEQUENCE || signature.tag !== BIT_STRING) return false;
  const fields = childrenOf(bytes, tbs);
  if (!fields) return false;
  const body = fields[0]?.tag === VERSION ? fields.slice(1) : fields;
  // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, then the optional tail
  const required = [INTEGER, SEQUENCE, SEQUENCE, SEQUENCE, SEQUENCE, SEQUENCE];
  if (body.length < required.length) return false;
  if (!required.every((tag, i) => body[i]!.tag === tag)) return false;
  return body.slice(required.length).every((f) => OPTIONAL_TAIL.includes(f.tag));
}

export function isCertificatePem(pem: string): boolean {
  if (!PEM_CERTIFICATE.test(pem)) return false;
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
  let der: Uint8Array;
  try {
    der = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  } catch {
    return false;
  }
  return isCertificateDer(der);
}
