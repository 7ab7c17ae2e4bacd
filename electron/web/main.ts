import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listenForLock } from '../core/app/lock-signal';
import { defaultDataDir } from '../core/app/paths';
import { startCore } from '../core/app/startup';
import { boundHeapGrowth } from '../core/v8-settings';
import { evidenceDownload, evidenceImage, packageImage } from '../core/app/evidence-images';
import pkg from '../../package.json' with { type: 'json' };
import { startHarness } from './server';

const { values } = parseArgs({
  options: { port: { type: 'string' }, data: { type: 'string' }, renderer: { type: 'string' } },
});
boundHeapGrowth();
const dataDir = values.data ? resolve(values.data) : defaultDataDir();
const here = dirname(fileURLToPath(import.meta.url));
const core = startCore({ dataDir, resourcesDir: join(here, '..', '..', 'resources'), version: pkg.version });
if (core.app) listenForLock(dataDir, () => core.app?.lock('command'));
const harness = await startHarness({
  dispatch: core.dispatch,
  onEvent: core.onEvent,
  evidenceImage: core.app
    ? (path) => (path.endsWith('/download') ? evidenceDownload(core.app!, path) : evidenceImage(core.app!, path))
    : undefined,
  packageImage: core.app ? (path) => packageImage(core.app!, path) : undefined,
  rendererDir: resolve(values.renderer ?? join(here, '..', '..', 'out', 'renderer')),
  port: values.port ? Number(values.port) : 0,
});
// Tests find the URL in this line; the token in it works once.
console.log(`Jejak is ready: ${harness.url}`);
const stop = async () => {
  core.app?.lock('shutdown');
  await harness.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
