import { userInfo } from 'node:os';
import { loadPolicy } from '../core/policy/policy';
import type { CliText } from './i18n';
import type { Output } from './io';

export interface CliContext {
  vaultDir: string;
  dataDir: string;
  out: Output;
  /** words in the language chosen by --lang or the environment */
  text: CliText;
  args: string[];
  flags: Record<string, string | boolean | string[] | undefined>;
}

export function cliActor(): string {
  return `os:${userInfo().username}`;
}

/** The machine policy, read at each use: the CLI obeys it as the app does (JEJAK_POLICY names another file). */
export function cliPolicy() {
  return loadPolicy().policy;
}

/** The value of a string option, or undefined. */
export function flag(ctx: CliContext, name: string): string | undefined {
  const v = ctx.flags[name];
  return typeof v === 'string' ? v : undefined;
}

/** Every value of a repeatable option. */
export function flagList(ctx: CliContext, name: string): string[] {
  const v = ctx.flags[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}
