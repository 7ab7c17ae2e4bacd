// `npm run bench -- AREA…`: runs tests/bench/AREA.ts for each area named (all when none).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const available = readdirSync('tests/bench')
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));
const wanted = process.argv.slice(2);
const areas = wanted.length ? wanted : available;
for (const area of areas) {
  const file = `tests/bench/${area}.ts`;
  if (!existsSync(file)) {
    console.error(`No benchmark "${area}". Available: ${available.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== bench: ${area} ==`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
