// Raw intake (hash ×2, encrypt, store, durable) of 1,000 × 320 KB files and of one 1 GiB file,
// against `openssl dgst -sha256`, `openssl dgst -sha512` and `dd … conv=fsync` of the same bytes
// in the same run, with the longest main-thread stall; and what this disk does for 1,000 small
// durable files in each shape intake could take (tests/bench/_disk-probe.ts).
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { intakeFile } from '../../electron/core/evidence/intake';
import { intakeFiles } from '../../electron/core/evidence/intake-batch';
import type { KdfParams } from '../../electron/core/vault/kdf';
import { createVault } from '../../electron/core/vault/vault';
import { buildCli } from '../../scripts/build-cli.mjs';
import { cliStep, stallText } from './_cli-step';
import { printDiskProbe, probeSmallFiles } from './_disk-probe';
import {
  hardwareBaselines,
  loadText,
  peakRss,
  printBaselines,
  ratio,
  settleDisk,
  time,
  writeRandomFile,
} from './_measure';

const SMALL_COUNT = Number(process.env.JEJAK_BENCH_INTAKE_FILES ?? 1000);
const SMALL_BYTES = 320 * 1024;
const LARGE_BYTES = Number(process.env.JEJAK_BENCH_INTAKE_LARGE ?? 1024 * 1024 * 1024);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type IntakeWay = (session: Awaited<ReturnType<typeof createVault>>['session'], files: string[]) => Promise<unknown>;

/** One file after another through `intakeFile`, as intake ran before batching. */
export const oneByOne: IntakeWay = async (session, files) => {
  for (const f of files) await intakeFile(session, {}, f, {}, { analyze: false });
};

/** All files to intakeFiles, as `jejak evidence add FILE…` does: durable a batch at a time. */
export const batched: IntakeWay = async (session, files) => {
  const results = await intakeFiles(
    session,
    {},
    files.map((path) => ({ path })),
    { analyze: false },
  );
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) throw failed.error;
};

/** The longest time this thread did not come back to its event loop: a 1 ms timer re-armed on each tick, its largest gap. */
function stallMonitor(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  let timer: NodeJS.Timeout;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  return {
    stop() {
      clearTimeout(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}

/** Runs `way` on a fresh vault: wall time, the longest event-loop stall and peak RSS. */
async function measured(dir: string, name: string, kdf: KdfParams, files: string[], way: IntakeWay) {
  const { session } = await createVault(join(dir, name), 'bench passphrase', {
    actor: 'bench',
    kdf,
    allowAnonymous: true,
  });
  settleDisk();
  const rss = peakRss();
  const stalls = stallMonitor();
  const ms = await time(() => way(session, files));
  const stall = stalls.stop();
  const peak = rss.stop();
  session.close('bench');
  return { ms, stall, peak };
}

/** `jejak evidence add FILE…` as a whole process from the built bundle, with its stalls (tests/bench/_process-probe.mjs). */
async function jejakEvidenceAdd(dir: string, kdf: KdfParams, files: string[]) {
  await buildCli();
  const vault = join(dir, `vault-cli-${files.length}`);
  const { session } = await createVault(vault, 'bench passphrase', { actor: 'bench', kdf, allowAnonymous: true });
  session.close('bench');
  settleDisk();
  return cliStep(['--vault', vault, 'evidence', 'add', ...files], { JEJAK_PASSPHRASE: 'bench passphrase' });
}

export async function intakeBench(dir: string, kdf: KdfParams, ways: Array<[string, IntakeWay]>): Promise<void> {
  printDiskProbe(await probeSmallFiles(dir, SMALL_COUNT, SMALL_BYTES), SMALL_COUNT, SMALL_BYTES);

  const shots = join(dir, 'intake-small');
  mkdirSync(shots);
  const small: string[] = [];
  for (let i = 0; i < SMALL_COUNT; i++) {
    const file = join(shots, `shot-${i}.png`);
    writeFileSync(file, Buffer.concat([PNG_SIGNATURE, randomBytes(SMALL_BYTES - PNG_SIGNATURE.length)]));
    small.push(file);
  }
  const large = join(dir, 'intake-large.bin');
  writeRandomFile(large, LARGE_BYTES);
  settleDisk();

  for (const [label, files, bytes] of [
    [`${SMALL_COUNT} × 320 KB`, small, SMALL_COUNT * SMALL_BYTES],
    [`1 × ${Math.round(LARGE_BYTES / 1048576)} MiB`, [large], LARGE_BYTES],
  ] as const) {
    console.log(`-- intake, ${label}`);
    const baselines = await hardwareBaselines([...files], bytes, dir);
    printBaselines(baselines, bytes);
    for (const [name, way] of ways) {
      const r = await measured(dir, `vault-${name}-${files.length}`, kdf, [...files], way);
      console.log(
        `intake ${name.padEnd(12)} ${r.ms.toFixed(0)} ms   ${ratio(r.ms, baselines.sha512)} sha512 (aim ≤ 1.3×), ${ratio(r.ms, baselines.sha256)} sha256, ${ratio(r.ms, baselines.dd)} dd   longest main-thread stall ${r.stall.toFixed(0)} ms (aim ≤ 50)   peak RSS ${r.peak} MiB`,
      );
    }
    const cli = await jejakEvidenceAdd(dir, kdf, [...files]);
    console.log(
      `jejak evidence add (whole process, thumbnails too) ${cli.ms.toFixed(0)} ms   longest main-thread stall ${stallText(cli)}   aim ≤ 50 ms   load ${loadText()}`,
    );
  }
}
