// `npm start`: builds, then runs the desktop app. Where no Electron binary is installed (it cannot
// be downloaded on offline machines), says so and serves the same UI on 127.0.0.1 instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function electronBinary() {
  const dir = join('node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
  const full = join(base, relative);
  return existsSync(full) ? full : null;
}

const build = spawnSync(process.execPath, [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const binary = electronBinary();
const child = binary
  ? spawn(binary, ['.'], { stdio: 'inherit' })
  : (console.log(
      '\nNo Electron binary is installed here (it cannot be downloaded on this machine).\nServing the same Jejak UI on 127.0.0.1 instead; open the link below in a browser.\n',
    ),
    spawn(process.execPath, ['--import', 'tsx', 'electron/web/main.ts', ...process.argv.slice(2)], {
      stdio: 'inherit',
    }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
