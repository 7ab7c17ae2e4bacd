// Blob-store write and read throughput on 256 MiB against `openssl dgst -sha256` on the same
// bytes in the same run, unlock time with the calibrated KDF, then intake (tests/bench/_intake-bench.ts).
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calibrateKdf } from '../../electron/core/vault/kdf';
import { createVault, unlockVault } from '../../electron/core/vault/vault';
import { batched, intakeBench, oneByOne } from './_intake-bench';
import { boundHeapGrowth } from '../../electron/core/v8-settings';
import {
  hardwareBaselines,
  mibPerSecond,
  peakRss,
  printBaselines,
  ratio,
  settleDisk,
  time,
  writeRandomFile,
} from './_measure';

// the heaps as the app and the CLI keep them (electron/main, electron/cli.ts): this process is the app here
boundHeapGrowth();

const SIZE = 256 * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'jejak-bench-'));
try {
  const source = join(dir, 'source.bin');
  writeRandomFile(source, SIZE);
  settleDisk();
  // measured twice inside: the first warms the page cache so both sides read from memory
  const baselines = await hardwareBaselines([source], SIZE, dir);
  const baseline = baselines.sha256;

  const kdf = calibrateKdf();
  const passphrase = 'benchmark passphrase with several words';
  const { session } = await createVault(join(dir, 'vault'), passphrase, { actor: 'bench', kdf, allowAnonymous: true });
  const rss = peakRss();
  let stored!: Awaited<ReturnType<typeof session.blobs.put>>;
  const writeMs = await time(async () => {
    stored = await session.blobs.put(createReadStream(source, { highWaterMark: 1024 * 1024 }));
  });
  const readMs = await time(async () => {
    for await (const _chunk of session.blobs.read(stored.name, stored.sha256));
  });
  const peak = rss.stop();
  session.close('bench');
  const unlockMs = await time(async () =>
    (await unlockVault(join(dir, 'vault'), { passphrase }, { actor: 'bench' })).close('bench'),
  );

  console.log(`payload                  256 MiB random bytes`);
  printBaselines(baselines, SIZE);
  console.log(
    `blob write (hash+encrypt+fsync) ${writeMs.toFixed(0)} ms (${mibPerSecond(SIZE, writeMs)})   ${ratio(writeMs, baselines.sha512)} sha512, ${ratio(writeMs, baselines.dd)} dd`,
  );
  console.log(
    `blob read (decrypt+verify)      ${readMs.toFixed(0)} ms (${mibPerSecond(SIZE, readMs)})   ${ratio(readMs, baseline)} openssl   aim ≤ 2×`,
  );
  console.log(`peak RSS during write+read      ${peak} MiB`);
  console.log(`unlock (scrypt N=${kdf.N} r=${kdf.r} p=${kdf.p}, open db) ${unlockMs.toFixed(0)} ms`);
  rmSync(source);
  await intakeBench(dir, kdf, [
    ['one-by-one', oneByOne],
    ['batched', batched],
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
