import { createRequire } from 'node:module';
import { crc32 as zlibCrc32 } from 'node:zlib';

type Crc32 = (data: Uint8Array, previous?: number) => number;

/**
 * @node-rs/crc32 computes it with the CPU's carry-less multiply: 70 ms a GiB here against 458 ms for
 * Node's zlib.crc32 (table code), which was a third of the hashing worker's export time and as much
 * of verify's main thread. Where its binary is missing for the platform, zlib gives the same values.
 * Loaded on first use, so commands that never touch a ZIP do not load a native module.
 */
let loaded: { crc32: Crc32; modulePath: string | null } | undefined;

function load(): { crc32: Crc32; modulePath: string | null } {
  const requireHere = createRequire(import.meta.url);
  try {
    const modulePath = requireHere.resolve('@node-rs/crc32');
    const { crc32: fast } = requireHere(modulePath) as { crc32: Crc32 };
    return { crc32: fast, modulePath };
  } catch {
    return { crc32: zlibCrc32, modulePath: null };
  }
}

/** CRC-32 (the ZIP one) of `data`, continuing from `previous`. */
export function crc32(data: Uint8Array, previous = 0): number {
  return (loaded ??= load()).crc32(data, previous);
}

/** Where the fast module loads from, for a worker thread to load the same; null where zlib is used. */
export function fastCrc32Module(): string | null {
  return (loaded ??= load()).modulePath;
}
