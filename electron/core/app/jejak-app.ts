import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import type { AppEvent } from '../../contract';
import { JejakError } from '../errors';
import type { LoadedPolicy } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import { DEFAULT_MIN_STRENGTH } from '../vault/vault';
import type { HostHandlers } from '../api/handler-types';
import { finishUnfinishedNoticeRecords } from '../outcomes/notice-record';
import { ReviewRegistry } from '../review/review-registry';
import { type RemovedPartial, removeStalePartials } from '../packages/stale-partials';
import { removeStaleScratch } from '../age/scratch-file';
import { autoLockMinutes } from './auto-lock';
import { BackgroundJobs } from './background-jobs';
import { type PathGrantOptions, PathGrants } from './path-grants';
import { auditRemovedPartials, knownPackageFolders, sweepPackageFolders } from './partial-sweep';
import { defaultExportsDir } from './paths';
import { type Preferences, readPreferences, writePreferences } from './preferences';

export interface AppConfig {
  vaultDir: string;
  preferencesPath: string;
  policy: LoadedPolicy;
  version: string;
  /** resources/ (fonts for the report, default policy) */
  resourcesDir: string;
  /** set in the desktop app: the window names files only through grant tokens (path-grants.ts) */
  pathGrants?: PathGrantOptions;
  /** the desktop shell's native dialogs, clipboard and screen capture; none in the web harness and the CLI */
  hostHandlers?: HostHandlers;
}

/**
 * The running app, shared by the Electron main process and the web harness: the vault session
 * (or none), the idle auto-lock, and events for the window. Handlers reach everything through it.
 */
export class JejakApp {
  private current: VaultSession | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<(e: AppEvent) => void>();
  private readonly jobs = new Map<string, AbortController>();
  /** stale partial packages removed at start, before a vault was open to record them in */
  private partialsRemovedAtStart: RemovedPartial[] = [];
  preferences: Preferences;
  readonly reviews = new ReviewRegistry();
  /** the background queue's runner: OCR and hashes after intake */
  readonly background = new BackgroundJobs(this);
  /** what only the desktop shell can do, given when the app is made; empty in the web harness */
  readonly hostHandlers: Readonly<HostHandlers>;
  /** the files the user picked or dropped, when the window may name files only through them */
  readonly pathGrants: PathGrants | null;

  constructor(readonly config: AppConfig) {
    this.preferences = readPreferences(config.preferencesPath);
    this.pathGrants = config.pathGrants ? new PathGrants(config.pathGrants) : null;
    this.hostHandlers = config.hostHandlers ?? {};
  }

  /**
   * A file the window names. In the desktop app only a grant token minted by the host for the
   * user's own pick or drop resolves (anything else is FORBIDDEN, before any file is touched); the
   * web harness, whose browser never sees paths, passes plain paths.
   */
  pathFromWindow(pathOrToken: string): string {
    return this.pathGrants ? this.pathGrants.resolve(pathOrToken) : pathOrToken;
  }

  get policy() {
    return this.config.policy.policy;
  }

  /** The app's data folder, where preferences.json sits (the OCR models' cache lives there too). */
  get dataDir(): string {
    return dirname(this.config.preferencesPath);
  }

  get session(): VaultSession | null {
    return this.current?.isOpen ? this.current : null;
  }

  requireSession(): VaultSession {
    const s = this.session;
    if (!s) throw new JejakError('LOCKED', 'The vault is locked.');
    return s;
  }

  /** Who acts before the vault is open: the OS account (unlocking then names the signing identity, once set). */
  defaultActor(): string {
    return `os:${userInfo().username}`;
  }

  /** Where packages go when the window names no destination: beside the vault, never inside it. */
  exportsDir(): string {
    return defaultExportsDir(this.config.vaultDir);
  }

  packageFolders(): string[] {
    return knownPackageFolders(this.config.vaultDir, this.policy);
  }

  /** At start: stale partial packages in the known folders go now; the audit log hears of it at unlock. */
  removeStalePartialsAtStart(): void {
    removeStaleScratch();
    this.partialsRemovedAtStart.push(...this.packageFolders().flatMap((f) => removeStalePartials(f)));
  }

  minPassphraseStrength(): number {
    return this.policy.minPassphraseStrength ?? DEFAULT_MIN_STRENGTH;
  }

  autoLockMinutes(): number {
    return autoLockMinutes(this.policy, this.session);
  }

  setPreferences(next: Preferences): void {
    writePreferences(this.config.preferencesPath, next);
    this.preferences = next;
  }

  /**
   * Takes the session out of reach of every other call (they answer LOCKED) without closing it:
   * a key rotation must be the only one using the vault while its keys change. `opened` hands
   * the next session back.
   */
  detachSession(): VaultSession {
    const s = this.requireSession();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.current = null;
    for (const controller of this.jobs.values()) controller.abort();
    this.jobs.clear();
    void this.background.stop();
    return s;
  }

  opened(session: VaultSession): void {
    this.current?.close('replaced');
    this.current = session;
    auditRemovedPartials(session, this.partialsRemovedAtStart.splice(0));
    finishUnfinishedNoticeRecords(session);
    sweepPackageFolders(session, this.packageFolders());
    this.touch();
    this.background.wake();
  }

  /** Closes the database and drops every key; the window is told so it clears its stores. */
  lock(reason: string): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const s = this.current;
    this.current = null;
    for (const controller of this.jobs.values()) controller.abort();
    this.jobs.clear();
    void this.background.stop();
    this.pathGrants?.clear();
    this.reviews.closeAll();
    if (s?.isOpen) {
      try {
        s.close(reason);
      } finally {
        // Keys are dropped even when anchoring the audit head in vault.json fails; the window must hear of it.
        this.emit({ type: 'locked', reason });
      }
    }
  }

  /** Any call from the window counts as activity and restarts the idle timer. */
  touch(): void {
    if (!this.session) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.lock('idle'), this.autoLockMinutes() * 60_000);
    this.idleTimer.unref();
  }

  /** Runs one step of a cancellable job (an intake, an export): jobs.cancel aborts its signal. */
  async job<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let controller = this.jobs.get(jobId);
    if (!controller) {
      controller = new AbortController();
      this.jobs.set(jobId, controller);
    }
    if (controller.signal.aborted) throw new JejakError('CANCELLED', 'Cancelled.');
    try {
      return await work(controller.signal);
    } finally {
      if (!controller.signal.aborted) this.jobs.delete(jobId);
    }
  }

  cancelJob(jobId: string): void {
    const controller = this.jobs.get(jobId) ?? new AbortController();
    controller.abort();
    // Kept so later steps of the same job are refused too; dropped at lock.
    this.jobs.set(jobId, controller);
  }

  onEvent(listener: (e: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const l of this.listeners) l(event);
  }
}
