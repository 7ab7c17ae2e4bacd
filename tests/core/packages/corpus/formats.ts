import { join } from 'node:path';
import type { Signer } from '../../../../electron/core/packages';
import { resign, retagged, statementOf } from '../forge';
import type { PlainEntry } from '../zip-tools';

/**
 * Packages of another format than 2: a real format-1 package and format-2 packages rewritten (and
 * signed again) to claim another format. format-version.test.ts asserts each verdict; the browser
 * verifier spec compares the page's with verifyPackage's.
 */

/**
 * A package of format 1, made by the code on main before format 2 (commit 9f26810): the sample
 * case of helpers.ts, submitted by key 11…11 and approved by key 22…22 (PKCS#8 seeds). On main it
 * verifies valid-trusted with both in the roster.
 */
export const FORMAT_1 = join(process.cwd(), 'tests/fixtures/format-1/KOMINFO-2026-11-0042.zip');
export const ROSTER_1 = [
  {
    fingerprint: '10ba682c8ad13513971e8b56881aab8bd702bb807796eca81932c735a94d6e6d',
    name: 'Ani Analis',
    unit: 'Direktorat Pengendalian',
    role: 'analyst' as const,
  },
  {
    fingerprint: '1325b850c2871916eae203f0efc3c8987f64e5e3cdb27679e6d1fa97808357e6',
    name: 'Sari Supervisor',
    unit: 'Direktorat Pengendalian',
    role: 'supervisor' as const,
  },
];

type Forgery = (e: PlainEntry[]) => PlainEntry[];
const statementFormat =
  (analyst: Signer, format: string): Forgery =>
  (e) => {
    const first = statementOf(e, 1);
    return resign(e, first.stem, analyst, Buffer.from(first.bytes.toString().replace('jejak-signature/2', format)));
  };

/** Forgeries of a format-2 package, signed again by its analyst. */
export const forgeFormat = (analyst: Signer) => ({
  backToFormat1: ((e) =>
    statementFormat(
      analyst,
      'jejak-signature/1',
    )(
      retagged(e, analyst, { 'bag-info.txt': (b) => Buffer.from(b.toString().replace('Jejak-Format: 2\n', '')) }),
    )) as Forgery,
  format1Statement: statementFormat(analyst, 'jejak-signature/1'),
  newerFormat: ((e) =>
    retagged(e, analyst, {
      'bag-info.txt': (b) => Buffer.from(b.toString().replace('Jejak-Format: 2', 'Jejak-Format: 3')),
    })) as Forgery,
});
