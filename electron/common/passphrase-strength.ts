/**
 * A passphrase strength estimate shared by the create-vault screen (live meter) and the core
 * (which enforces the minimum). Deliberately conservative: it estimates guessing entropy from the
 * character pool and length, then takes off for the patterns attackers try first.
 */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface Strength {
  score: StrengthScore;
  bits: number;
  /** i18n keys of hints, e.g. "strength.hint.longer" */
  hints: string[];
}

// The words people reach for first, in both working languages; a passphrase built on them loses credit.
const COMMON = [
  'password',
  'passw0rd',
  'qwerty',
  'asdf',
  'admin',
  'letmein',
  'welcome',
  'iloveyou',
  'monkey',
  'dragon',
  'rahasia',
  'sandi',
  'katasandi',
  'indonesia',
  'jakarta',
  'merdeka',
  'jejak',
  'bismillah',
  'sayang',
  'cinta',
  '123456',
  '654321',
  'abcdef',
];

export const MIN_LENGTH = 10;

function poolSize(p: string): number {
  let pool = 0;
  if (/[a-z]/.test(p)) pool += 26;
  if (/[A-Z]/.test(p)) pool += 26;
  if (/[0-9]/.test(p)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(p)) pool += 33;
  return Math.max(pool, 1);
}

/** Runs of one character, or of ascending/descending neighbours ("abcd", "4321"), add little. */
function patternPenalty(p: string): number {
  let penalty = 0;
  for (let i = 2; i < p.length; i++) {
    const a = p.charCodeAt(i - 2);
    const b = p.charCodeAt(i - 1);
    const c = p.charCodeAt(i);
    if ((a === b && b === c) || (b - a === c - b && Math.abs(c - b) === 1)) penalty += 1;
  }
  return penalty;
}

export function estimateStrength(passphrase: string): Strength {
  const lower = passphrase.toLowerCase();
  const perChar = Math.log2(poolSize(passphrase));
  let effectiveLength = passphrase.length - patternPenalty(passphrase);
  for (const word of COMMON) if (lower.includes(word)) effectiveLength -= word.length - 1;
  const bits = Math.max(0, Math.round(effectiveLength * perChar));
  const score: StrengthScore = bits < 28 ? 0 : bits < 40 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
  const hints: string[] = [];
  if (passphrase.length < MIN_LENGTH) hints.push('strength.hint.longer');
  if (COMMON.some((w) => lower.includes(w))) hints.push('strength.hint.common');
  if (poolSize(passphrase) <= 26 && passphrase.length < 20) hints.push('strength.hint.mix');
  return { score: passphrase.length < MIN_LENGTH ? (Math.min(score, 1) as StrengthScore) : score, bits, hints };
}
