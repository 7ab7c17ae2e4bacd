import { describe, expect, it } from 'vitest';
import { bytesToBase64, fileToBase64 } from '../../renderer/features/evidence/base64';

function randomBytes(n: number, seed = 7): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

describe('chunked base64', () => {
  it('matches Node for every length around the slice and padding boundaries', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 6, 23, 24, 25, 47, 48, 49, 4095, 4096, 4097, 24_575, 24_576, 24_577]) {
      const bytes = randomBytes(n, n + 1);
      expect(bytesToBase64(bytes), `length ${n}`).toBe(Buffer.from(bytes).toString('base64'));
      expect(bytesToBase64(bytes, 24), `length ${n}, small slices`).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('encodes a few megabytes without piling up one huge argument list', () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 1);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('refuses slices that would put padding mid-stream', () => {
    expect(() => bytesToBase64(new Uint8Array(10), 1000)).toThrow();
  });

  it('reads a file and encodes it', async () => {
    const bytes = randomBytes(100_000);
    expect(await fileToBase64(new Blob([bytes]))).toBe(Buffer.from(bytes).toString('base64'));
  });
});
