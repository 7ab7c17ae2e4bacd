import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from '../../electron/core/db/sql';
import { unlockVault } from '../../electron/core/vault/vault';
import { cliWorkspace } from '../fixtures/cli';
import { seededRandom } from '../fixtures/seed';
import { PASSPHRASE, tempDir } from '../fixtures/temp';

const partials = (dir: string) => readdirSync(dir).filter((f) => f.includes('.partial-'));

/** Starts `case export` and SIGKILLs it once its partial file holds at least `killAtBytes`. */
function killExportMidway(
  ws: ReturnType<typeof cliWorkspace>,
  reference: string,
  out: string,
  killAtBytes: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/jejak.js', '--vault', ws.vault, 'case', 'export', reference, '--out', out],
      {
        env: { ...process.env, JEJAK_POLICY: ws.policyPath, JEJAK_PASSPHRASE: PASSPHRASE, JEJAK_DATA_DIR: ws.dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const folder = join(out, '..');
    const watcher = watch(folder, () => {
      const partial = partials(folder)[0];
      if (partial && existsSync(join(folder, partial)) && statSync(join(folder, partial)).size >= killAtBytes)
        child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      watcher.close();
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the export ended on its own (${code}) before the kill: ${stderr}`));
    });
  });
}

describe('stale partial packages', () => {
  it('a SIGKILLed export leaves a partial; the next export to that folder removes it and audits it', async () => {
    const { random: rand } = seededRandom();
    const ws = cliWorkspace();
    expect(ws.run(['init']).code).toBe(0);
    ws.run(['identity', 'set', '--name', 'Sari Analis', '--unit', 'Direktorat', '--id', 'NIP-1', '--role', 'analyst']);
    // Four 8 MiB originals: the export streams for long enough to be killed in the middle.
    const files = [0, 1, 2, 3].map((i) => join(ws.dir, `video-${i}.bin`));
    for (const f of files) writeFileSync(f, randomBytes(8 * 1024 * 1024));
    const ids = ws
      .run(['evidence', 'add', ...files])
      .stdout.trim()
      .split('\n')
      .map((l) => l.split('\t')[0]!.slice(1));
    const reference = ws.run(['case', 'create', 'Kasus', 'besar', '--platform', 'telegram']).stdout.trim();
    expect(ws.run(['case', 'add', reference, ...ids.flatMap((id) => ['--evidence', id])]).code).toBe(0);

    const out = tempDir('jejak-out-');
    const killAt = 1 + Math.floor(rand() * 16 * 1024 * 1024);
    await killExportMidway(ws, reference, join(out, 'case.zip'), killAt);
    const left = partials(out);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.case\.zip\.partial-\d+-[0-9a-f]{12}$/);
    // Files that only look similar are never touched.
    const bystanders = ['.notes.partial-keep', 'case.zip.partial-0123456789ab', '.other.zip.partial-0123456789ab'];
    for (const b of bystanders) writeFileSync(join(out, b), 'not a package');

    const second = ws.run(['case', 'export', reference, '--out', join(out, 'case-2.zip')]);
    expect(second.code, second.stderr).toBe(0);
    expect(partials(out).sort()).toEqual(bystanders.filter((b) => b.includes('.partial-')).sort());
    const session = await unlockVault(ws.vault, { passphrase: PASSPHRASE }, { actor: 'checker' });
    try {
      const removed = session.db.all<{ subject_id: string; details: string }>(
        sql`SELECT subject_id, details FROM audit WHERE action = 'package.partial-removed'`,
      );
      expect(removed.map((r) => r.subject_id)).toEqual([left[0]]);
      expect(JSON.parse(removed[0]!.details)).toMatchObject({ folder: out, bytes: expect.any(Number) });
    } finally {
      session.close('checked');
    }
  });
});
