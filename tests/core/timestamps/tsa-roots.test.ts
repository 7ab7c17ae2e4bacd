import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCertificatePem } from '../../../electron/core/timestamps/tsa-roots';
import { parseRoots } from '../../../electron/core/timestamps/tsp-token';
import { makeTestTsa } from '../../fixtures/tsa';
import { tempDir } from '../../fixtures/temp';

const pemOf = (der: Uint8Array) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64')}\n-----END CERTIFICATE-----\n`;
const derOf = (pem: string) => Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, ''), 'base64');
const pkijsParses = (pem: string) => {
  try {
    parseRoots([pem]);
    return true;
  } catch {
    return false;
  }
};

describe('a TSA root in the policy or a roster is checked for the shape of one X.509 certificate', () => {
  const tsa = makeTestTsa(tempDir());
  tsa.issue('tsa-extra');
  const root = tsa.rootPem;
  const leaf = readFileSync(join(tsa.dir, 'tsa-extra.pem'), 'utf8');

  it('takes real certificates (a root, a TSA certificate with extensions), as pkijs does', () => {
    for (const pem of [root, leaf]) {
      expect(pkijsParses(pem)).toBe(true);
      expect(isCertificatePem(pem)).toBe(true);
    }
  });

  it('refuses what is not one: cut short, extended, two in one, a key, a bad length, garbage', () => {
    const der = derOf(root);
    const longLength = Buffer.from(der);
    longLength[1] = 0x80; // indefinite length: BER, never DER
    const publicKey = derOf(root).subarray(0, 40);
    const bad = [
      pemOf(der.subarray(0, der.length - 1)),
      pemOf(Buffer.concat([der, Buffer.from([0])])),
      pemOf(Buffer.concat([der, der])),
      pemOf(longLength),
      pemOf(publicKey),
      pemOf(Buffer.from('not a certificate at all')),
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      root.replace('BEGIN CERTIFICATE', 'BEGIN PUBLIC KEY'),
    ];
    for (const pem of bad) expect(isCertificatePem(pem), pem).toBe(false);
  });

  it('refuses a certificate whose parts are not what RFC 5280 puts there, as pkijs does', () => {
    const der = Buffer.from(derOf(leaf));
    expect(der.subarray(0, 2)).toEqual(Buffer.from([0x30, 0x82])); // a SEQUENCE of 256 to 65,535 bytes
    const retagged = Buffer.from(der);
    retagged[4] = 0x31; // the to-be-signed part a SET, not a SEQUENCE
    expect(isCertificatePem(pemOf(retagged))).toBe(false);
    expect(pkijsParses(pemOf(retagged))).toBe(false);
  });
});
