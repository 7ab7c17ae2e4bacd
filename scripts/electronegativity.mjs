// `npm run lint:electron`: Doyensec's Electronegativity over the sources that ship (main, preload,
// core, contract, renderer; not tests, scripts or the web harness), offline, against the Electron
// version we pin. Fails on any finding above INFORMATIONAL that .electronegativity.json does not
// accept with a reason, and on accepted entries that match nothing any more.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const config = JSON.parse(readFileSync('.electronegativity.json', 'utf8'));
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

// The tool fetches translations from the network at start; lint stays offline and deterministic.
const toolRequire = createRequire(require.resolve('@doyensec/electronegativity'));
const gotPath = toolRequire.resolve('got');
const offline = () => Promise.reject(new Error('offline: lint makes no network requests'));
offline.default = offline;
offline.__esModule = true;
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
const quietLog = console.log;
console.log = (...args) => {
  if (!String(args[0]).startsWith('Could not retrieve updated translations')) quietLog(...args);
};
const runModule = require('@doyensec/electronegativity');
const run = runModule.default ?? runModule;

// Only what ships is scanned, laid out as in the repository so findings name real paths.
const stage = mkdtempSync(join(tmpdir(), 'jejak-electronegativity-'));
try {
  for (const path of config.scan) cpSync(path, join(stage, path), { recursive: true });
  const result = await run(
    {
      input: stage,
      isRelative: true,
      electronVersionOverride: electronVersion,
      customScan: [],
      excludeFromScan: config.skipChecks.map((c) => c.check.toLowerCase()),
      parserPlugins: [],
    },
    false,
  );
  for (const error of result.errors)
    console.error(`electronegativity: could not parse ${error.file.replace(stage, '')}: ${error.message}`);
  const used = new Set();
  const rejected = [];
  for (const issue of result.issues) {
    const label = `${issue.id} ${issue.severity.name}/${issue.confidence.name} ${issue.file}:${issue.location.line}`;
    if (issue.severity.value === 0) {
      console.log(`  info      ${label}`);
      continue;
    }
    const accepted = config.accepted.find((a) => a.check === issue.id && a.file === issue.file);
    if (accepted) {
      used.add(accepted);
      console.log(`  accepted  ${label}\n            ${accepted.reason}`);
    } else {
      rejected.push(issue);
      console.log(
        `  FINDING   ${label}\n            ${issue.description}${issue.sample ? `\n            ${String(issue.sample).slice(0, 160)}` : ''}`,
      );
    }
  }
  const stale = config.accepted.filter((a) => !used.has(a));
  for (const a of stale)
    console.log(
      `  STALE     ${a.check} ${a.file}: accepted in .electronegativity.json but no longer found; remove it.`,
    );
  const hard = result.errors.filter((e) => !e.tolerable);
  console.log(
    `electronegativity (Electron ${electronVersion}): ${result.globalChecks + result.atomicChecks} checks, ${result.issues.length} findings, ` +
      `${used.size} accepted, ${rejected.length} open, ${stale.length} stale, ${hard.length} parse errors.`,
  );
  process.exitCode = rejected.length || stale.length || hard.length ? 1 : 0;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
