import { scrypt, scryptSync } from 'node:crypto';
import { z } from 'zod';

/** scrypt wraps the master key; its parameters live in vault.json so any later unlock repeats them. */
export const kdfParamsSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(1024).max(2 ** 22).refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

const TARGET_MS = 500;
const MIN_LOG_N = 15;
const MAX_LOG_N = 20;

function maxmemFor(params: KdfParams): number {
  return 128 * params.N * params.r * params.p + 64 * 1024 * 1024;
}

export function deriveKek(secret: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) }, (err, key) =>
      err ? reject(err) : resolve(key),
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
  return { ...probe, N: 2 ** Math.min(MAX_LOG_N, Math.max(MIN_LOG_N, logN)) };
}
