import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStalePartials } from '../../../electron/core/packages/stale-partials';
import { writeAtomically } from '../../../electron/core/packages/write-atomically';
import { tempDir } from '../../fixtures/temp';

const ZIP = Buffer.from('PK\x03\x04 rest of a local header', 'latin1');
const AGE = Buffer.from('age-encryption.org/v1\n-> X25519 …', 'latin1');

/** The pid of a process that has already ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('removeStalePartials', () => {
  it('removes our partials whose writer is gone, by exact name and ZIP start, and nothing else', () => {
    const dir = tempDir();
    const dead = deadPid();
    const stale = [
      `.case.zip.partial-${dead}-0123456789ab`,
      '.old.zip.partial-a1b2c3d4e5f6',
      `.empty.zip.partial-${dead}-ffffffffffff`,
      `.case.zip.age.partial-${dead}-0123456789ab`,
    ];
    writeFileSync(join(dir, stale[0]!), ZIP);
    writeFileSync(join(dir, stale[1]!), ZIP);
    writeFileSync(join(dir, stale[2]!), '');
    // an encrypted export's partial: the age header first
    writeFileSync(join(dir, stale[3]!), AGE);
    const kept = {
      // a live writer in another process (our parent is alive)
      [`.live.zip.partial-${process.ppid}-0123456789ab`]: ZIP,
      // not our name pattern
      'case.zip.partial-0123456789ab': ZIP,
      '.case.zip.partial-XYZ': ZIP,
      '.case.zip.partial-0123456789abc': ZIP,
      // our name, but neither a ZIP nor an age file
      [`.notes.txt.partial-${dead}-0123456789ab`]: Buffer.from('my notes'),
      [`.short.zip.age.partial-${dead}-0123456789ab`]: Buffer.from('age-encryption'),
    };
    for (const [name, bytes] of Object.entries(kept)) writeFileSync(join(dir, name), bytes);
    writeFileSync(join(dir, 'target'), ZIP);
    symlinkSync(join(dir, 'target'), join(dir, `.link.zip.partial-${dead}-0123456789ab`));

    const removed = removeStalePartials(dir);
    expect(removed.map((r) => r.file).sort()).toEqual([...stale].sort());
    expect(readdirSync(dir).sort()).toEqual(
      [...Object.keys(kept), 'target', `.link.zip.partial-${dead}-0123456789ab`].sort(),
    );
  });

  it('never removes the partial of a write still running in this process', async () => {
    const dir = tempDir();
    let entered!: () => void;
    let release!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const held = new Promise<void>((r) => (release = r));
    const running = writeAtomically(join(dir, 'busy.zip'), undefined, async (handle) => {
      await handle.write(ZIP, 0, ZIP.length, 0);
      entered();
      await held;
    });
    await inside;
    const partial = readdirSync(dir).find((f) => f.startsWith('.busy.zip.partial-'))!;
    expect(partial).toMatch(new RegExp(`^\\.busy\\.zip\\.partial-${process.pid}-[0-9a-f]{12}$`));
    expect(removeStalePartials(dir)).toEqual([]);
    expect(existsSync(join(dir, partial))).toBe(true);
    release();
    await running;
    expect(readdirSync(dir)).toEqual(['busy.zip']);
  });
});
