import { join } from 'node:path';
import type { CheckId, RosterEntry, Verdict } from '../../../../electron/core/packages';
import { timestampRequests } from '../../../../electron/core/timestamps/package-timestamps';
import { attachTimestamps } from '../../../../electron/core/review/attach-timestamps';
import { makeTestTsa, type TestTsa } from '../../../fixtures/tsa';
import { entry, forge } from '../forge';
import type { PlainEntry } from '../zip-tools';

/**
 * Packages time-stamped by a real TSA (openssl ts -reply, tests/fixtures/tsa.ts), genuine and with
 * bad tokens: timestamps.test.ts asserts each verdict, the browser verifier spec compares the
 * page's with verifyPackage's. Each is judged against a roster and the TSA roots given with it.
 */

export interface StampedCase {
  label: string;
  path: string;
  roster: RosterEntry[];
  /** PEM roots the TSA must chain to, as a roster file's tsaRoots */
  tsaRoots: string[];
  verdict: Verdict;
  failing: CheckId[];
  /** what the failing timestamps check, or the trust detail of an untrusted one, must say */
  says?: RegExp;
}

export interface StampedCorpus {
  tsa: TestTsa;
  /** `approved` with a token from the test TSA for each statement */
  stamped: string;
  cases: StampedCase[];
}

/** The TSA's answers to every request for `pkg`, named as the requests are. */
export async function tsaAnswers(
  pkg: string,
  from: TestTsa,
  signer = 'tsa',
): Promise<Array<{ name: string; bytes: Buffer }>> {
  return (await timestampRequests(pkg)).map((r) => ({
    name: r.fileName.replace(/\.tsq$/, '.tsr'),
    bytes: from.reply(Buffer.from(r.der), signer),
  }));
}

const tokens = (e: readonly PlainEntry[]) =>
  e.filter((x) => /\/timestamps\/[^/]+\.tsr$/.test(x.name)).sort((a, b) => (a.name < b.name ? -1 : 1));

/** A byte of the stamped time (genTime, the first four-digit year in the token) flipped: the TSA's signature no longer holds. */
function flippedTime(token: Buffer): Buffer {
  const copy = Buffer.from(token);
  const at = copy.indexOf(Buffer.from(String(new Date().getUTCFullYear())));
  copy[at + 3]! ^= 1;
  return copy;
}

/** `approved` is a package of two statements (analyst, supervisor), both in `roster`. */
export async function stampedCorpus(dir: string, approved: string, roster: RosterEntry[]): Promise<StampedCorpus> {
  const tsa = makeTestTsa(join(dir, 'tsa'));
  tsa.issue('expired', { startDate: '20200101000000Z', endDate: '20210101000000Z' });
  const other = makeTestTsa(join(dir, 'other-tsa'), 'Some Other Root');
  const root = [tsa.rootPem];
  let n = 0;
  const target = () => join(dir, `stamped-${(n += 1)}.zip`);
  const stamped = (await attachTimestamps({}, approved, target(), await tsaAnswers(approved, tsa))).path;
  const elsewhere = (await attachTimestamps({}, approved, target(), await tsaAnswers(approved, other))).path;
  const [expired] = await tsaAnswers(approved, tsa, 'expired');
  const forged = (edit: (e: PlainEntry[]) => PlainEntry[]) => forge(stamped, target(), edit);
  const cases: StampedCase[] = [
    { label: 'stamped, its TSA trusted', path: stamped, roster, tsaRoots: root, verdict: 'valid-trusted', failing: [] },
    {
      label: 'stamped, no TSA roots given',
      path: stamped,
      roster,
      tsaRoots: [],
      verdict: 'valid-untrusted',
      failing: [],
      says: /no TSA roots are configured/,
    },
    {
      label: 'stamped by a TSA outside the roots',
      path: elsewhere,
      roster,
      tsaRoots: root,
      verdict: 'valid-untrusted',
      failing: [],
      says: /The time of statement 1 is not confirmed: timestamps\/1-[0-9a-f]{16}\.tsr is by Test TSA, and its certificate does not chain to a trusted TSA root/,
    },
    {
      label: 'a token for another statement',
      path: await forged((e) => {
        const [first, second] = tokens(e);
        return e.map((x) => (x === second ? { ...x, data: first!.data } : x));
      }),
      roster,
      tsaRoots: root,
      verdict: 'invalid',
      failing: ['timestamps'],
      says: /timestamps\/2-[0-9a-f]{16}\.tsr stamps another file's SHA-256/,
    },
    {
      label: 'a token from an expired TSA certificate',
      path: await forge(approved, target(), (e) => [
        ...e,
        { name: entry(e, 'bagit.txt').name.replace('bagit.txt', `timestamps/${expired!.name}`), data: expired!.bytes },
      ]),
      roster,
      tsaRoots: root,
      verdict: 'invalid',
      failing: ['timestamps'],
      says: /is signed by "Test TSA", whose certificate was not valid at .* \(valid 2020-01-01T00:00:00\.000Z to 2021-01-01T00:00:00\.000Z\)/,
    },
    {
      label: 'a flipped byte in a token',
      path: await forged((e) => e.map((x) => (x === tokens(e)[0] ? { ...x, data: flippedTime(x.data) } : x))),
      roster,
      tsaRoots: root,
      verdict: 'invalid',
      failing: ['timestamps'],
      says: /has a CMS signature that does not verify/,
    },
    {
      label: 'a token under a name no statement has',
      path: await forged((e) => [...e, { ...tokens(e)[0]!, name: tokens(e)[0]!.name.replace(/\/1-/, '/9-') }]),
      roster,
      tsaRoots: root,
      verdict: 'invalid',
      failing: ['timestamps'],
      says: /names no statement of this package/,
    },
    {
      label: 'a token that is no RFC 3161 response',
      path: await forged((e) =>
        e.map((x) => (x === tokens(e)[0] ? { ...x, data: Buffer.from('not a time-stamp token') } : x)),
      ),
      roster,
      tsaRoots: root,
      verdict: 'invalid',
      failing: ['timestamps'],
      says: /is not an RFC 3161 time-stamp response/,
    },
  ];
  return { tsa, stamped, cases };
}
