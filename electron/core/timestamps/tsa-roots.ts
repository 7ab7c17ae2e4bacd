import { X509Certificate } from 'node:crypto';

/** TSA roots as IT and rosters give them: X.509 certificates in PEM, one per string. */

const PEM_CERTIFICATE = /^\s*-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*$/;

export function isCertificatePem(pem: string): boolean {
  if (!PEM_CERTIFICATE.test(pem)) return false;
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

/** The DER bytes of each root, as the timestamp check takes them. */
export function rootsDer(pems: readonly string[]): Uint8Array[] {
  return pems.map((pem) => new Uint8Array(new X509Certificate(pem).raw));
}
