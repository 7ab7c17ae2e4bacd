import { createCipheriv, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { RELEASE_NOW_SOURCE, releaseNow as releaseInModule } from '../../electron/core/release-now';

// The hashing worker evaluates the source; here it runs the same way, in this thread.
const releaseFromSource = new Function('require', `${RELEASE_NOW_SOURCE}; return releaseNow;`)(
  createRequire(import.meta.url),
) as (bytes: Uint8Array) => boolean;
const liveArrayBuffersMiB = () => process.memoryUsage().arrayBuffers / 2 ** 20;

describe.each([
  ['as a module', releaseInModule],
  ['from its source, as the hashing worker runs it', releaseFromSource],
])('releaseNow %s (a buffer given back at once, not at the next collection)', (_, releaseNow) => {
  it('frees what cipher.update made as soon as it is called', async () => {
    await sleep(50); // the closed end of its port closes on a later turn; until then releases wait
    const key = randomBytes(32);
    const chunk = randomBytes(2 ** 20);
    const before = liveArrayBuffersMiB();
    for (let i = 0; i < 64; i++) {
      const sealed = createCipheriv('aes-256-gcm', key, randomBytes(12)).update(chunk);
      expect(releaseNow(sealed)).toBe(true);
      expect(sealed.byteLength).toBe(0); // detached: nothing can read freed memory
    }
    // 64 MiB made and dropped in one turn; without the release they stay until V8 collects them
    expect(liveArrayBuffersMiB() - before).toBeLessThan(8);
  });

  it("leaves a slice of Node's shared pool to the collector, still readable", () => {
    const pooled = Buffer.from('a few bytes from the pool');
    expect(releaseNow(pooled)).toBe(false);
    expect(pooled.toString()).toBe('a few bytes from the pool');
  });
});
