import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { JejakError } from '../core/errors';
import { type CliText, type Params, cliText } from './i18n';

export const EXIT = { ok: 0, checkFailed: 1, usage: 2, untrusted: 3, wrongSecret: 4 } as const;

/** A usage mistake: a key of the CLI's catalogs and its values; its message is the English text. */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params?: Params,
  ) {
    super(cliText('en').t(key, params));
  }
}

/** Reads a secret from the terminal without echoing it. Never from an argument: those show in `ps`. */
export async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError('cli.needsSecret', { what: question.replace(/:\s*$/, '') });
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = new Promise<string>((resolve) => rl.question(question, resolve));
    muted = true;
    const value = await answer;
    process.stderr.write('\n');
    return value;
  } finally {
    rl.close();
  }
}

/** A secret from its environment variable when set, else a hidden prompt. */
export async function secret(envName: string, question: string): Promise<string> {
  const value = process.env[envName];
  if (value !== undefined && value !== '') return value;
  return promptHidden(question);
}

/** One line typed at the terminal (not secret: shown as typed). */
export async function promptLine(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
  }
}

export async function newPassphrase(envName: string, text: CliText): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  const first = await promptHidden(text.t('cli.prompt.newPassphrase'));
  const second = await promptHidden(text.t('cli.prompt.repeatPassphrase'));
  if (first !== second) throw new UsageError('cli.passphrasesDiffer');
  return first;
}

/** A package that reads but does not hold up, or is not the one that was asked for. */
const CHECK_FAILED = new Set<string>([
  'INTEGRITY',
  'SELF_REVIEW',
  'NOT_A_DECISION',
  'NOT_APPROVED',
  'OTHER_VAULT',
  'OTHER_CASE',
  'OLDER_EXPORT',
  // the machine policy refuses what was asked (a folder, a plain export): the check is the policy's
  'POLICY',
  'RESPONSE_INVALID',
  'OTHER_NOTICE',
  'UNKNOWN_ITEM',
]);

export function exitCodeFor(e: unknown): number {
  if (e instanceof UsageError) return EXIT.usage;
  if (e instanceof JejakError) {
    if (e.code === 'VAULT_ROLLED_BACK') return EXIT.checkFailed;
    if (
      e.code === 'WRONG_PASSPHRASE' ||
      e.code === 'WRONG_RECOVERY_CODE' ||
      e.code === 'WRONG_ESCROW_KEY' ||
      e.code === 'WRONG_AGE_KEY'
    )
      return EXIT.wrongSecret;
    if (e.code === 'UNTRUSTED') return EXIT.untrusted;
    if (CHECK_FAILED.has(e.code)) return EXIT.checkFailed;
    return EXIT.usage;
  }
  return EXIT.checkFailed;
}

export interface Output {
  json: boolean;
  /** data: JSON with --json, else the text form */
  data(value: unknown, text: () => string): void;
  info(text: string): void;
}

export function output(json: boolean): Output {
  return {
    json,
    data(value, text) {
      process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
    },
    info(text) {
      process.stderr.write(`${text}\n`);
    },
  };
}
