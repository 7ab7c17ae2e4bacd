import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { screenshot } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'jejak-media-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The calling thread's busy time over a fresh process's first picture (tests/fixtures/first-picture.ts). */
function firstPictureBusyMs(mode: 'here' | 'worker', picture: string): number {
  const printed = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'tests/fixtures/first-picture.ts', mode, picture],
    {
      encoding: 'utf8',
    },
  );
  return (JSON.parse(printed) as { busyMs: number }).busyMs;
}

describe('pictures are decoded and hashed off the calling thread', () => {
  it(
    'the first picture a process takes in does not hold its thread while the decoder loads',
    { timeout: 60_000 },
    async () => {
      const picture = join(dir, 'first.png');
      await (await screenshot(7, { photo: true })).png().toFile(picture);
      // Loading sharp and its libraries, EXIF parsing and PDQ held the thread 220-270 ms here; asked
      // of the media worker, 23-27 ms (the worker's start and the answers).
      const here = firstPictureBusyMs('here', picture);
      const worker = firstPictureBusyMs('worker', picture);
      expect(worker).toBeLessThan(here / 3);
    },
  );
});
