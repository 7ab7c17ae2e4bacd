import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { startWorker } from './start-worker';

/**
 * Starts a worker thread from the entry `name` beside the calling module (`callerUrl`, its
 * import.meta.url): NAME.js in a build (the CLI bundle and the app put each worker entry in the
 * folder of the code that starts it), NAME.ts run from source (tests, the web harness), loaded through
 * tsx's require hook since Node 20 does not apply module hooks such as `--import tsx` to a worker.
 * Below the main thread from its start, its entry's imports included (start-worker.ts).
 */
export function startModuleWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const fromSource = callerUrl.endsWith('.ts');
  const file = fileURLToPath(new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, callerUrl));
  if (!existsSync(file)) throw new Error(`worker not found: ${file}`);
  if (!fromSource) return startWorker(file, options);
  const tsx = createRequire(callerUrl).resolve('tsx/cjs/api');
  const boot = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`;
  return startWorker(boot, { ...options, eval: true });
}
