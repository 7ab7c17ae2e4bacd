import { scrypt, scryptSync } from 'node:crypto';
import { z } from 'zod';
import { JejakError } from '../errors';

/**
 * The ceiling on scrypt parameters, for vault.json and for policy alike. calibrateKdf picks
 * N = 2^15…2^20 with r = 8, p = 1 (tests and policy may go as low as N = 2^10); scrypt needs about
 * 128·N·r·p bytes, and Jejak never asks for more than 1 GiB of it. Anything outside is refused
 * before a derivation runs, so an edited header cannot make an unlock take gigabytes and minutes.
 */
export const KDF_LIMITS = { minLogN: 10, maxLogN: 20, maxR: 16, maxP: 4, maxMemoryBytes: 2 ** 30 } as const;

export function kdfMemoryBytes(params: { N: number; r: number; p: number }): number {
  return 128 * params.N * params.r * params.p;
}

/** scrypt wraps the master key; its parameters live in vault.json so any later unlock repeats them. */
export const kdfParamsSchema = z
  .strictObject({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** KDF_LIMITS.minLogN)
      .max(2 ** KDF_LIMITS.maxLogN)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(KDF_LIMITS.maxR),
    p: z.number().int().min(1).max(KDF_LIMITS.maxP),
  })
  .refine((k) => kdfMemoryBytes(k) <= KDF_LIMITS.maxMemoryBytes, 'scrypt would need more than 1 GiB (128·N·r·p)');
export type KdfParams = z.infer<typeof kdfParamsSchema>;

const TARGET_MS = 500;
const MIN_LOG_N = 15;

function maxmemFor(params: KdfParams): number {
  return kdfMemoryBytes(params) + 64 * 1024 * 1024;
}

/**
 * Checks the parameters synchronously, before scrypt is even scheduled: out-of-bounds values
 * throw here and never reach the derivation (readHeader refuses them earlier still).
 */
export function deriveKek(secret: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  if (!kdfParamsSchema.safeParse(params).success) {
    throw new JejakError(
      'VAULT_ALTERED',
      'vault header damaged or altered: its key-derivation parameters are outside what Jejak uses.',
    );
  }
  return new Promise((resolve, reject) => {
    scrypt(
      secret.normalize('NFC'),
      salt,
      32,
      { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

/** Picks the scrypt cost that takes about half a second on this machine (never below 2^15). */
export function calibrateKdf(targetMs = TARGET_MS): KdfParams {
  const probe: KdfParams = { name: 'scrypt', N: 2 ** 14, r: 8, p: 1 };
  const started = performance.now();
  scryptSync('calibration', 'salt', 32, { N: probe.N, r: probe.r, p: probe.p, maxmem: maxmemFor(probe) });
  const elapsed = Math.max(1, performance.now() - started);
  const logN = Math.round(Math.log2(probe.N * (targetMs / elapsed)));
  return { ...probe, N: 2 ** Math.min(KDF_LIMITS.maxLogN, Math.max(MIN_LOG_N, logN)) };
}
