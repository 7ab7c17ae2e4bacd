// One step of the package benchmark in a fresh process, so its peak RSS is the step's own:
// node --import tsx tests/bench/_package-step.ts export VAULT CASE_ID OUT [AGE_RECIPIENT] | verify ZIP
// (an OUT.zip.age is encrypted for AGE_RECIPIENT; a .zip.age is verified with BENCH_AGE_IDENTITY)
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { exportCase } from '../../electron/core/cases/export-case';
import { verifyPackage } from '../../electron/core/packages';
import { unlockVault } from '../../electron/core/vault/vault';

const [step, a, b, c, recipient] = process.argv.slice(2);
const started = performance.now();
// the longest time this thread (the app's main thread, in the window) could not answer anything
const stalls = monitorEventLoopDelay({ resolution: 10 });
stalls.enable();
const longestStallMs = () => Math.round(stalls.max / 1e6);
let detail = '';
if (step === 'export') {
  const session = await unlockVault(a!, { passphrase: 'benchmark passphrase with several words' }, { actor: 'bench' });
  const unlocked = performance.now();
  await exportCase(session, {}, Number(b), c!, {
    language: 'id',
    resourcesDir: join(process.cwd(), 'resources'),
    version: 'bench',
    recipients: recipient ? [recipient] : [],
  });
  session.close('bench');
  detail = `unlock ${(unlocked - started).toFixed(0)} ms excluded`;
  process.stdout.write(
    JSON.stringify({
      ms: performance.now() - unlocked,
      maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      stallMs: longestStallMs(),
      detail,
    }),
  );
} else {
  const identity = process.env.BENCH_AGE_IDENTITY;
  const result = await verifyPackage(a!, identity ? { ageIdentities: [identity] } : {});
  process.stdout.write(
    JSON.stringify({
      ms: performance.now() - started,
      maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      stallMs: longestStallMs(),
      detail: result.verdict,
    }),
  );
}
