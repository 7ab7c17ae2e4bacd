import type { Page } from '@playwright/test';

/**
 * Records in the page each call of the kinds a verification waits on (Blob reads, stream reads and
 * writes, WebCrypto) from the moment it is made until it settles. A verdict that does not come can
 * then say where the page waits: once in several hundred packages, on a machine far over-committed,
 * the browser verifier has been seen stuck at "Memverifikasi …" (issue 11, not yet explained).
 */
export async function recordPendingCalls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const pending = new Map<number, string>();
    (window as unknown as { pendingCalls: () => string[] }).pendingCalls = () => [...pending.values()];
    let next = 0;
    const wrap = <T extends object>(proto: T, name: keyof T & string, what: string) => {
      const original = proto[name] as unknown as (...args: unknown[]) => Promise<unknown>;
      Object.defineProperty(proto, name, {
        configurable: true,
        writable: true,
        value(this: unknown, ...args: unknown[]) {
          const id = next++;
          pending.set(id, `${what} since ${Math.round(performance.now())} ms`);
          const call = original.apply(this, args);
          call.then(
            () => pending.delete(id),
            () => pending.delete(id),
          );
          return call;
        },
      });
    };
    wrap(Blob.prototype, 'arrayBuffer', 'Blob.arrayBuffer');
    wrap(ReadableStreamBYOBReader.prototype, 'read', 'byob read');
    wrap(ReadableStreamDefaultReader.prototype, 'read', 'stream read');
    wrap(WritableStreamDefaultWriter.prototype, 'write', 'stream write');
    wrap(WritableStreamDefaultWriter.prototype, 'close', 'stream close');
    wrap(SubtleCrypto.prototype, 'importKey', 'crypto.subtle.importKey');
    wrap(SubtleCrypto.prototype, 'verify', 'crypto.subtle.verify');
  });
}

/** The page's time now, then each call still pending in it with when it was made (ms since the page loaded). */
export function pendingCalls(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    `now ${Math.round(performance.now())} ms`,
    ...((window as unknown as { pendingCalls?: () => string[] }).pendingCalls?.() ?? []),
  ]);
}
