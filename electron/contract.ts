/**
 * The IPC contract: every channel with the zod schema of its argument and of its result. Main,
 * preload, the web harness and the renderer's types all derive from this one map, so a new call
 * is one entry here and one handler in electron/core/api.
 */
import type { z } from 'zod';
import type { ErrorPayload } from './common/error-codes';
import { auditContract } from './contract/audit';
import { backupContract } from './contract/backup';
import { casesContract } from './contract/cases';
import { catalogContract } from './contract/catalog';
import { channelsContract } from './contract/channels';
import { dashboardContract } from './contract/dashboard';
import { decisionsContract } from './contract/decisions';
import { evidenceContract } from './contract/evidence';
import { hostContract } from './contract/host';
import { identityContract } from './contract/identity';
import { jobsContract } from './contract/jobs';
import { outcomesContract } from './contract/outcomes';
import { reviewContract } from './contract/review';
import { searchContract } from './contract/search';
import { transparencyContract } from './contract/transparency';
import { settingsContract } from './contract/settings';
import { trustContract } from './contract/trust';
import { unitContract } from './contract/unit';
import { vaultContract } from './contract/vault';

/** One file per area, named for the area its channels start with ('review.openPath' → contract/review.ts). */
export const contract = {
  ...vaultContract,
  ...settingsContract,
  ...auditContract,
  ...catalogContract,
  ...channelsContract,
  ...evidenceContract,
  ...jobsContract,
  ...searchContract,
  ...dashboardContract,
  ...transparencyContract,
  ...identityContract,
  ...trustContract,
  ...casesContract,
  ...reviewContract,
  ...decisionsContract,
  ...outcomesContract,
  ...backupContract,
  ...unitContract,
  ...hostContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Args<C extends Channel> = z.input<Contract[C]['args']>;
export type Result<C extends Channel> = z.output<Contract[C]['result']>;

export type { ErrorCode, ErrorPayload } from './common/error-codes';
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** Pushed from the core to the window: a lock (idle, suspend, command) or progress of a long job. */
export type AppEvent =
  | { type: 'locked'; reason: string }
  | { type: 'progress'; jobId: string; done: number; total: number; label?: string }
  /** the background queue (OCR, hashes): how much is left, and whether it runs or is paused */
  | { type: 'background'; pending: number; done: number; failed: number; paused: boolean; running: boolean };

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The object the preload exposes as window.jejak: one named function per channel, grouped by area. */
type AreaOf<C> = C extends `${infer A}.${string}` ? A : never;
export type Area = AreaOf<Channel>;
export type JejakBridge = {
  [A in Area]: {
    [C in Channel as C extends `${A}.${infer M}` ? M : never]: (args: Args<C>) => Promise<Envelope<Result<C>>>;
  };
} & {
  onEvent(listener: (event: AppEvent) => void): () => void;
  /**
   * A grant token standing for the path on disk of a file the user picked or dropped, for
   * evidence.intakePath, evidence.expandPaths and review.openPath (desktop only; null for pasted data).
   */
  pathForFile(file: Blob): Promise<string | null>;
};
