import type { Role } from './bag-names';
import type { Check } from './checks';
import { inEnglish, type Phrase, say } from './phrases';
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
  /** the same, sentence by sentence (joined with a space), for the reader's language */
  trustPhrases: Phrase[];
  /** the statements with `trusted` set for this roster */
  statements: StatementInfo[];
  /** the time-stamps as judged: none is trusted in an invalid package */
  timestamps: TimestampInfo[];
}

/** "A, B, C" (or, with `by`, "A; B; C") as one phrase. */
const joined = (items: readonly Phrase[], by: 'check.trust.comma' | 'check.trust.semicolon'): Phrase =>
  items.reduce((head, tail) => say(by, { head, tail }));

const who = (s: StatementInfo): Phrase =>
  say('check.trust.who', {
    name: s.signer.name,
    role: say(s.role === 'analyst' ? 'check.role.analyst' : 'check.role.supervisor'),
    fingerprint: s.signer.fingerprint.slice(0, 16),
  });
const signers = (list: readonly StatementInfo[]): Phrase => joined(list.map(who), 'check.trust.comma');

/**
 * What the time-stamps say, in words. One whose TSA is not trusted leaves the time unconfirmed: like
 * a signer outside the roster, not tampering.
 */
function times(timestamps: readonly TimestampInfo[]): { confirmed: Phrase[]; unconfirmed: Phrase[] } {
  return {
    confirmed: timestamps
      .filter((t) => t.trusted)
      .map((t) => say('check.trust.timeConfirmed', { seq: t.seq, tsa: t.tsa, time: t.genTime })),
    unconfirmed: timestamps
      .filter((t) => !t.trusted)
      .map((t) =>
        say('check.trust.timeUnconfirmed', {
          seq: t.seq,
          file: t.file,
          tsa: t.tsa,
          why: t.untrustedPhrase ?? say('check.tsa.notTrusted'),
        }),
      ),
  };
}

function judged(verdict: Verdict, trustPhrases: Phrase[], statements: StatementInfo[], timestamps: TimestampInfo[]) {
  return { verdict, trustDetail: trustPhrases.map(inEnglish).join(' '), trustPhrases, statements, timestamps };
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
  const invalidPackage = say('check.tsa.packageInvalid');
  const timestamps = (inspected.timestamps ?? []).map((t) =>
    valid || !t.trusted
      ? t
      : { ...t, trusted: false, untrusted: inEnglish(invalidPackage), untrustedPhrase: invalidPackage },
  );
  if (!valid) {
    const format = inspected.checks.find((c) => c.id === 'format-version' && !c.ok);
    const why = format
      ? say('check.trust.notAssessedFormat', { problems: joined(format.phrases, 'check.trust.semicolon') })
      : say('check.trust.notAssessed');
    return judged('invalid', [why], statements, timestamps);
  }
  const outside = statements.filter((s) => !s.trusted);
  const { confirmed, unconfirmed } = times(timestamps);
  if (outside.length > 0) {
    const inside = statements.filter((s) => s.trusted);
    const also = inside.length > 0 ? [say('check.trust.alsoInRoster', { signers: signers(inside) })] : [];
    const sentences = [
      say('check.trust.outside', { signers: signers(outside) }),
      ...also,
      ...confirmed,
      ...unconfirmed,
    ];
    return judged('valid-untrusted', sentences, statements, timestamps);
  }
  const everyone = [say('check.trust.everyone', { signers: signers(statements) }), ...confirmed];
  if (unconfirmed.length > 0) return judged('valid-untrusted', [...everyone, ...unconfirmed], statements, timestamps);
  return judged('valid-trusted', everyone, statements, timestamps);
}
