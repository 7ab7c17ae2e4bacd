import { parseRoots } from './tsp-token';

/** TSA roots as IT and rosters give them: X.509 certificates in PEM, one per string. Browser-safe. */

const PEM_CERTIFICATE = /^\s*-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*$/;

export function isCertificatePem(pem: string): boolean {
  if (!PEM_CERTIFICATE.test(pem)) return false;
  try {
    parseRoots([pem]);
    return true;
  } catch {
    return false;
  }
}
