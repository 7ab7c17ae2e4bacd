import type { Role } from './bag-names';
import type { Check } from './checks';
import type { StatementInfo } from './statement-checks';
import type { TimestampInfo } from '../timestamps/timestamp-check';

export interface RosterEntry {
  /** hex SHA-256 of the raw public key */
  fingerprint: string;
  name: string;
  unit: string;
  role: Role;
}

export type Verdict = 'valid-trusted' | 'valid-untrusted' | 'invalid';

export interface Judgement {
  verdict: Verdict;
  /** why the verdict is trusted or not, in words, naming every signer outside the roster */
  trustDetail: string;
  /** the statements with `trusted` set for this roster */
  statements: StatementInfo[];
  /** the time-stamps as judged: none is trusted in an invalid package */
  timestamps: TimestampInfo[];
}

const who = (s: StatementInfo): string => `${s.signer.name} (${s.role}, ${s.signer.fingerprint.slice(0, 16)})`;

/**
 * What the time-stamps say, in words. One whose TSA is not trusted leaves the time unconfirmed: like
 * a signer outside the roster, not tampering.
 */
function times(timestamps: readonly TimestampInfo[]): { confirmed: string; unconfirmed: string } {
  const said = (trusted: boolean, say: (t: TimestampInfo) => string) =>
    timestamps
      .filter((t) => t.trusted === trusted)
      .map(say)
      .join('');
  return {
    confirmed: said(true, (t) => ` The time of statement ${t.seq} is confirmed by ${t.tsa} at ${t.genTime}.`),
    unconfirmed: said(
      false,
      (t) =>
        ` The time of statement ${t.seq} is not confirmed: ${t.file} is by ${t.tsa}, and ${t.untrusted ?? 'its TSA is not trusted'}.`,
    ),
  };
}

/**
 * The verdict of an inspected package against a roster: a pure function, so a roster that changes
 * while a package is open gives a new verdict without reading the package again. Trusted needs
 * every check to pass, EVERY signer to be in the roster with the role it signed in, and every
 * time-stamp to come from a trusted TSA.
 */
export function judge(
  inspected: { checks: readonly Check[]; statements: readonly StatementInfo[]; timestamps?: readonly TimestampInfo[] },
  roster: readonly RosterEntry[],
): Judgement {
  const valid = inspected.checks.length > 0 && inspected.checks.every((c) => c.ok);
  const statements = inspected.statements.map((s) => ({
    ...s,
    trusted: valid && roster.some((r) => r.fingerprint.toLowerCase() === s.signer.fingerprint && r.role === s.role),
  }));
  // In an invalid package no time is confirmed either, whoever stamped it.
  const timestamps = (inspected.timestamps ?? []).map((t) =>
    valid || !t.trusted ? t : { ...t, trusted: false, untrusted: 'the package is invalid' },
  );
  if (!valid) {
    const format = inspected.checks.find((c) => c.id === 'format-version' && !c.ok);
    return {
      verdict: 'invalid',
      trustDetail: format ? `Not assessed: ${format.detail}.` : 'Not assessed: the package is invalid.',
      statements,
      timestamps,
    };
  }
  const outside = statements.filter((s) => !s.trusted);
  const { confirmed, unconfirmed } = times(timestamps);
  if (outside.length > 0) {
    const inside = statements.filter((s) => s.trusted);
    const also = inside.length > 0 ? ` In the trust roster: ${inside.map(who).join(', ')}.` : '';
    return {
      verdict: 'valid-untrusted',
      trustDetail: `Not in the trust roster with the role they signed in: ${outside.map(who).join(', ')}.${also}${confirmed}${unconfirmed}`,
      statements,
      timestamps,
    };
  }
  const everyone = `Every signer is in the trust roster with the role they signed in: ${statements.map(who).join(', ')}.${confirmed}`;
  if (unconfirmed)
    return { verdict: 'valid-untrusted', trustDetail: `${everyone}${unconfirmed}`, statements, timestamps };
  return { verdict: 'valid-trusted', trustDetail: everyone, statements, timestamps };
}
