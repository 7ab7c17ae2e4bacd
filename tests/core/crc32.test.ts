import { randomBytes } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, fastCrc32Module } from '../../electron/core/crc32';

describe('CRC-32', () => {
  it('uses the hardware-assisted module on this platform', () => {
    expect(fastCrc32Module()).toMatch(/@node-rs[/\\]crc32/);
  });

  it('gives zlib’s values, whole and continued across any split', () => {
    expect(crc32(Buffer.from('123456789')).toString(16)).toBe('cbf43926');
    const data = randomBytes(300_001);
    const whole = zlibCrc32(data);
    expect(crc32(data)).toBe(whole);
    for (const split of [0, 1, 63, 64 * 1024 + 3, data.length]) {
      expect(crc32(data.subarray(split), crc32(data.subarray(0, split)))).toBe(whole);
    }
    expect(crc32(new Uint8Array(0), 12345)).toBe(12345);
  });
});
