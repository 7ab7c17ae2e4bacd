import { randomBytes } from 'node:crypto';
import { JejakError } from '../errors';

/** How long a pick stays usable when nothing of it is used; each use restarts the clock for its batch. */
export const GRANT_TTL_MS = 5 * 60_000;
/** More live grants than a 10,000-file folder drop needs, far fewer than would strain memory. */
const MAX_LIVE_GRANTS = 50_000;
const TOKEN = /^grant:[0-9a-f]{32}$/;

interface Batch {
  expiresAt: number;
}

export interface PathGrantOptions {
  ttlMs?: number;
  /** the clock, for tests */
  now?: () => number;
}

/**
 * Paths the user picked in our own dialog or dropped on the window, each behind a short-lived,
 * single-use token. In the desktop app the renderer never names a path itself: it gets tokens from
 * the host (the native dialog, the preload's pathForFile), and the core resolves them here. A token
 * that is unknown, used already or expired is FORBIDDEN; so is a raw path.
 */
export class PathGrants {
  private readonly grants = new Map<string, { path: string; batch: Batch }>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(opts: PathGrantOptions = {}) {
    this.ttlMs = opts.ttlMs ?? GRANT_TTL_MS;
    this.now = opts.now ?? Date.now;
  }

  /** One token per path; tokens minted together (one pick, one dropped folder) expire together. */
  mintAll(paths: readonly string[]): string[] {
    this.dropExpired();
    if (this.grants.size + paths.length > MAX_LIVE_GRANTS)
      throw new JejakError('INVALID_INPUT', 'Too many files picked at once; take them in by folder, in parts.');
    const batch = { expiresAt: this.now() + this.ttlMs };
    return paths.map((path) => {
      const token = `grant:${randomBytes(16).toString('hex')}`;
      this.grants.set(token, { path, batch });
      return token;
    });
  }

  mint(path: string): string {
    return this.mintAll([path])[0]!;
  }

  /** The path behind a token, once: the token is spent, and the rest of its batch gets a fresh deadline. */
  resolve(token: string): string {
    const grant = TOKEN.test(token) ? this.grants.get(token) : undefined;
    const now = this.now();
    if (!grant || grant.batch.expiresAt < now) {
      if (grant) this.grants.delete(token);
      throw new JejakError(
        'FORBIDDEN',
        'Only files picked or dropped in this window can be opened; pick the file again.',
      );
    }
    this.grants.delete(token);
    grant.batch.expiresAt = now + this.ttlMs;
    return grant.path;
  }

  clear(): void {
    this.grants.clear();
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [token, grant] of this.grants) if (grant.batch.expiresAt < now) this.grants.delete(token);
  }
}
