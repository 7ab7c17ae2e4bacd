import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newVault } from '../../fixtures/temp';

describe('blob temp files', () => {
  it('unlock removes temp files of dead writers, never those of a writer still running', async () => {
    const { session } = await newVault();
    const tmp = join(session.blobs.dir, 'tmp');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    // process.ppid stands for another Jejak (the desktop app) taking a file in right now.
    const live = `${process.ppid}-0123456789abcdef01234567`;
    for (const name of [live, `${dead}-0123456789abcdef01234567`, '0123456789abcdef01234567'])
      writeFileSync(join(tmp, name), 'x');
    expect(session.blobs.removeTempFiles()).toBe(2);
    expect(readdirSync(tmp)).toEqual([live]);
    session.close('test');
  });
});
