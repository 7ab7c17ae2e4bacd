import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgeFile } from '../../../electron/core/age/age-file';
import { sealInto } from '../../../electron/core/age/age-seal';
import { removeStaleScratch, ScratchFile } from '../../../electron/core/age/scratch-file';
import { isJejakError } from '../../../electron/core/errors';
import { fileSource } from '../../../electron/core/packages/platform-node';
import { ageKeygen } from '../../fixtures/age';
import { allFiles, tempDir } from '../../fixtures/temp';

const SIZES = [0, 1, 65_535, 65_536, 65_537, 3 * 65_536, 300_001, 2 * 1_048_576 + 12_345];

/** Reads the plaintext through the ByteSource interface in steps of `step` bytes. */
async function readAllFrom(age: AgeFile, step: number): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for (let at = 0; at < age.size; at += step) {
    const part = await age.read(at, step);
    expect(part.length).toBe(Math.min(step, age.size - at));
    parts.push(part);
  }
  return Buffer.concat(parts);
}

async function openAge(path: string, identities: string[]) {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return { handle, age: await AgeFile.open(fileSource(handle, size), identities) };
}

describe('age files, both ways with Debian age', () => {
  it('reads what age -r wrote, whole and at any position', async () => {
    const dir = tempDir();
    const key = ageKeygen(dir);
    for (const size of SIZES) {
      const plain = randomBytes(size);
      writeFileSync(join(dir, 'plain'), plain);
      execFileSync('age', ['-r', key.recipient, '-o', join(dir, 'sealed.age'), join(dir, 'plain')]);
      const { handle, age } = await openAge(join(dir, 'sealed.age'), [key.identity]);
      try {
        expect(age.size).toBe(size);
        expect((await readAllFrom(age, 1 << 20)).equals(plain)).toBe(true);
        expect((await readAllFrom(age, 7_777)).equals(plain)).toBe(true);
        if (size > 10) {
          // a read past the end gives what there is, as a file does
          expect(Buffer.from(await age.read(size - 10, 100)).equals(plain.subarray(size - 10))).toBe(true);
          expect((await age.read(size, 10)).length).toBe(0);
        }
      } finally {
        await handle.close();
      }
    }
  });

  it('writes what age -d opens, for several recipients at once', async () => {
    const dir = tempDir();
    const [one, two] = [ageKeygen(dir, 'one.txt'), ageKeygen(dir, 'two.txt')];
    for (const size of SIZES) {
      const plain = randomBytes(size);
      writeFileSync(join(dir, 'plain'), plain);
      const file = await open(join(dir, 'plain'), 'r');
      // a source that only reads (a fresh buffer each time), and a file that fills the sealer's one buffer
      const sources = [
        { size, read: async (offset: number, length: number) => plain.subarray(offset, offset + length) },
        fileSource(file, size),
      ];
      for (const source of sources) {
        const out = await open(join(dir, 'out.age'), 'w+');
        await sealInto(source, out, [one.recipient, two.recipient]);
        await out.close();
        for (const key of [one, two]) {
          const opened = execFileSync('age', ['-d', '-i', key.keyFile, join(dir, 'out.age')], { maxBuffer: 1 << 24 });
          expect(opened.equals(plain)).toBe(true);
        }
      }
      await file.close();
    }
  });

  it('names a wrong key, a changed byte and a cut-short file', async () => {
    const dir = tempDir();
    const [key, other] = [ageKeygen(dir, 'key.txt'), ageKeygen(dir, 'other.txt')];
    writeFileSync(join(dir, 'plain'), randomBytes(200_000));
    execFileSync('age', ['-r', key.recipient, '-o', join(dir, 'sealed.age'), join(dir, 'plain')]);
    await expect(openAge(join(dir, 'sealed.age'), [other.identity])).rejects.toSatisfy((e) =>
      isJejakError(e, 'WRONG_AGE_KEY'),
    );

    const sealed = readFileSync(join(dir, 'sealed.age'));
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 100_000]! ^= 1;
    writeFileSync(join(dir, 'flipped.age'), flipped);
    const { handle, age } = await openAge(join(dir, 'flipped.age'), [key.identity]);
    try {
      await expect(readAllFrom(age, 1 << 20)).rejects.toSatisfy(
        (e) => isJejakError(e, 'INTEGRITY') && /part 2 of 4 does not authenticate/.test((e as Error).message),
      );
    } finally {
      await handle.close();
    }
    // cut at a chunk boundary: every remaining chunk authenticates, but the last is not flagged last
    const payloadStart = sealed.length - (200_000 + 4 * 16);
    writeFileSync(join(dir, 'short.age'), sealed.subarray(0, payloadStart + 3 * 65_552));
    const short = await openAge(join(dir, 'short.age'), [key.identity]);
    try {
      await expect(readAllFrom(short.age, 1 << 20)).rejects.toSatisfy((e) => isJejakError(e, 'INTEGRITY'));
    } finally {
      await short.handle.close();
    }
  });
});

describe('ScratchFile', () => {
  it('reads back what was written, going back to patch, and holds no plaintext on disk', async () => {
    const marker = Buffer.from('PLAINTEXT-MARKER-'.repeat(40));
    const scratch = await ScratchFile.create();
    const expected = Buffer.alloc(700_000);
    try {
      for (let at = 0; at < expected.length; at += marker.length) {
        const n = Math.min(marker.length, expected.length - at);
        await scratch.write(marker, 0, n, at);
        marker.copy(expected, at, 0, n);
      }
      // patch across a page boundary, as the ZIP writer does for a local header
      const patch = Buffer.from('PATCHED');
      await scratch.write(patch, 0, patch.length, 262_140);
      patch.copy(expected, 262_140);
      const tmp = execFileSync('sh', ['-c', 'ls -d ${TMPDIR:-/tmp}/jejak-sealed-*'], { encoding: 'utf8' })
        .trim()
        .split('\n');
      for (const dir of tmp) for (const f of allFiles(dir)) expect(f.bytes.includes('PLAINTEXT-MARKER')).toBe(false);
      const back = Buffer.alloc(expected.length);
      expect((await scratch.read(back, 0, back.length, 0)).bytesRead).toBe(expected.length);
      expect(back.equals(expected)).toBe(true);
    } finally {
      await scratch.dispose();
    }
  });
});

describe('ScratchFile read back from start to end', () => {
  it('holds one page in clear at a time, not each page it opened until the next collection', async () => {
    const scratch = await ScratchFile.create();
    const block = randomBytes(1024 * 1024);
    try {
      for (let at = 0; at < 32 * block.length; at += block.length) await scratch.write(block, 0, block.length, at);
      const chunk = Buffer.alloc(block.length);
      const before = process.memoryUsage().arrayBuffers;
      let most = 0;
      for (let at = 0; at < scratch.size; at += chunk.length) {
        await scratch.read(chunk, 0, chunk.length, at);
        expect(chunk.equals(block)).toBe(true);
        most = Math.max(most, process.memoryUsage().arrayBuffers - before);
      }
      // 128 pages of 256 KiB read: each opened into a new buffer, the one before it given back
      expect(most).toBeLessThan(4 * 1024 * 1024);
    } finally {
      await scratch.dispose();
    }
  });
});

describe('stale scratch files', () => {
  it("named by their writer's pid; a sweep removes those whose writer is gone, and nothing else", async () => {
    const scratch = await ScratchFile.create();
    try {
      const mine = readdirSync(tmpdir()).filter((n) => n.startsWith(`jejak-sealed-${process.pid}-`));
      expect(mine.length).toBeGreaterThan(0);
    } finally {
      await scratch.dispose();
    }
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const names = [
      `jejak-sealed-${dead}-AbC123`,
      `jejak-spool-${dead}-AbC123`,
      `jejak-spool-${process.pid}-AbC123`,
      `jejak-sealed-${process.ppid}-AbC123`,
      `jejak-sealed-${process.pid}-AbC123`,
      'jejak-sealed-Xyz789',
      `jejak-sealed-${dead}-AbC1234`,
      `other-${dead}-AbC123`,
    ];
    for (const name of names) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'package.sealed'), randomBytes(100));
    }
    // a package's ZIP and an export's report PDF alike
    expect(removeStaleScratch(dir).sort()).toEqual([`jejak-sealed-${dead}-AbC123`, `jejak-spool-${dead}-AbC123`]);
    expect(readdirSync(dir).sort()).toEqual(names.slice(2).sort());
  });
});
