import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getIdentity } from '../../../electron/core/identity/identity';
import type { Policy } from '../../../electron/core/policy/policy';
import { readHeader } from '../../../electron/core/vault/header';
import { analystCase } from '../../fixtures/case';
import { type AppSide, type CliSide, type Folders, filesIn } from '../../fixtures/policy-sides';
import { newVault } from '../../fixtures/temp';
import { exportLatest } from '../../fixtures/two-vaults';

export type Seen = Record<string, unknown>;
export type Given = Record<string, string>;

/**
 * One policy field: the same operation through the CLI and through the app, each seen the same way,
 * and what both must show. A field no command reaches names the reason instead of a CLI side.
 */
export interface Binding {
  field: keyof Policy;
  /** values both sides share, made before the policy is written (keys, packages) */
  given?: () => Promise<Given>;
  /** the policy, for one side's folders */
  policy: (folders: Folders, given: Given) => Policy;
  expected: (folders: Folders, given: Given) => Seen;
  cli: ((s: CliSide) => Promise<Seen> | Seen) | { none: string };
  app: (s: AppSide) => Promise<Seen>;
}

export const WEAK = 'kucing12hitam'; // strength 3: enough by default, not under minPassphraseStrength 4
export const NEW_CASE = { title: 'Judi', platform: 'telegram', legalBasis: '', channelIds: [], evidenceIds: [] };
export const exportArgs = (id: number, destination: string, recipients?: string[]) => ({
  id,
  jobId: 'export',
  language: 'id',
  destination,
  ...(recipients ? { recipients } : {}),
});
export const json = <T>(run: { stdout: string }) => JSON.parse(run.stdout) as T;
export const hoursOf = (c: { dueAt: string; createdAt: string }) =>
  (Date.parse(c.dueAt) - Date.parse(c.createdAt)) / 3_600_000;
/** How vault.json's master key is wrapped: each wrap's kind, and the KDF parameters of those a secret opens. */
export const wrapKinds = (vaultDir: string) => readHeader(vaultDir).wraps.map((w) => w.kind);
export const wrapKdfs = (vaultDir: string) => readHeader(vaultDir).wraps.flatMap((w) => ('kdf' in w ? [w.kdf] : []));

/** A package an analyst vault (made in-process) signed: its path, and the signer as a roster entry names them. */
export async function analystPackage(): Promise<Given> {
  const { session } = await newVault('analyst');
  const { kase } = await analystCase(session);
  const { path } = await exportLatest(session, kase.id);
  const { fingerprint, name, unit } = getIdentity(session);
  session.close('test');
  return { path, fingerprint, name, unit };
}

export const analystEntry = (g: Given) => [
  { fingerprint: g.fingerprint!, name: g.name!, unit: g.unit!, role: 'analyst' as const },
];

/** A write to the folder the policy does not allow, then to the one it does: the exits, what was left elsewhere, whether the allowed file is there. */
export async function seenWrites(
  f: Folders,
  name: string,
  writeTo: (path: string) => Promise<number> | number,
): Promise<Seen> {
  const elsewhere = await writeTo(join(f.elsewhere, name));
  const allowed = await writeTo(join(f.allowed, name));
  return { elsewhere, leftElsewhere: filesIn(f.elsewhere), allowed, written: existsSync(join(f.allowed, name)) };
}
