/**
 * CRC-32 (ISO-HDLC, as ZIP and zlib's crc32 compute it), continuing from `previous`. Browsers have
 * no built-in one; slicing-by-8 tables keep it well ahead of the hashes that run beside it.
 */

const TABLES = (() => {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++)
      t[k * 256 + n] =
        ((t[(k - 1) * 256 + n] as number) >>> 8) ^ (t[(t[(k - 1) * 256 + n] as number) & 0xff] as number);
  }
  return t;
})();

export function crc32(chunk: Uint8Array, previous: number): number {
  const t = TABLES;
  let c = ~previous >>> 0;
  let i = 0;
  const end8 = chunk.length - (chunk.length % 8);
  for (; i < end8; i += 8) {
    const a =
      (c ^
        ((chunk[i] as number) |
          ((chunk[i + 1] as number) << 8) |
          ((chunk[i + 2] as number) << 16) |
          ((chunk[i + 3] as number) << 24))) >>>
      0;
    c =
      (t[7 * 256 + (a & 0xff)] as number) ^
      (t[6 * 256 + ((a >>> 8) & 0xff)] as number) ^
      (t[5 * 256 + ((a >>> 16) & 0xff)] as number) ^
      (t[4 * 256 + (a >>> 24)] as number) ^
      (t[3 * 256 + (chunk[i + 4] as number)] as number) ^
      (t[2 * 256 + (chunk[i + 5] as number)] as number) ^
      (t[256 + (chunk[i + 6] as number)] as number) ^
      (t[chunk[i + 7] as number] as number);
  }
  for (; i < chunk.length; i++) c = (t[(c ^ (chunk[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}
