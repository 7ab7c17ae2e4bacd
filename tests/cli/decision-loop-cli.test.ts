import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorkspace } from '../fixtures/cli';
import { screenshotPng } from '../fixtures/catalog';

const UNIT = 'Direktorat Pengendalian Konten';
/** The unit's policy: every vault names who works in it. */
const STRICT = { allowAnonymousVault: false };

/** The package's originals in item order: each name begins with its item's number (the ZIP holds them largest first). */
function evidenceFiles(zip: string): string[] {
  return execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' })
    .split('\n')
    .filter((e) => /\/data\/evidence\/./.test(e))
    .map((e) => e.slice(e.indexOf('/data/') + 1))
    .sort();
}

describe('jejak CLI: the decision loop between two vaults', () => {
  it('analyst exports, supervisor returns with an item comment, analyst receives and revises, supervisor approves every item, analyst receives and closes the case', async () => {
    const analyst = cliWorkspace(STRICT);
    const supervisor = cliWorkspace(STRICT);
    const refused = analyst.run(['init']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/needs the name, unit, employee ID and role/);
    expect(existsSync(analyst.vault)).toBe(false);
    expect(analyst.run(['init', '--name', 'Sari Analis', '--unit', UNIT, '--id', 'NIP-1']).stdout).toMatch(
      /Signing identity: Sari Analis \(NIP-1\)/,
    );
    expect(
      supervisor.run(['init', '--name', 'Budi Supervisor', '--unit', UNIT, '--id', 'NIP-2', '--role', 'supervisor'])
        .code,
    ).toBe(0);
    const who = (ws: typeof analyst) =>
      JSON.parse(ws.run(['identity', 'show', '--json']).stdout) as { fingerprint: string; role: string };
    expect(who(analyst).role).toBe('analyst');

    // The analyst's case: one channel, two screenshots.
    analyst.run(['channel', 'add', 'https://t.me/s/DaulahMedia', '--title', 'Daulah Media', '--category', 'terorisme']);
    const shots = [0, 1].map((i) => join(analyst.dir, `shot-${i}.png`));
    for (const [i, s] of shots.entries()) writeFileSync(s, await screenshotPng(900 + i));
    const ids = analyst
      .run(['evidence', 'add', ...shots, '--channel', 't.me/daulahmedia'])
      .stdout.trim()
      .split('\n')
      .map((l) => l.split('\t')[0]!.slice(1));
    const reference = analyst.run(['case', 'create', 'Propaganda', '--platform', 'telegram']).stdout.trim();
    analyst.run(['case', 'add', reference, '--channel', '@DaulahMedia', ...ids.flatMap((id) => ['--evidence', id])]);
    const r1 = join(analyst.dir, 'r1.zip');
    expect(analyst.run(['case', 'export', reference, '--out', r1]).code).toBe(0);
    const own = analyst.run(['case', 'receive', r1]);
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(/carries no supervisor decision/);

    // The supervisor cannot approve unseen: every item, or a written reason.
    const files = evidenceFiles(r1);
    const unseen = supervisor.run([
      'review',
      r1,
      '--approve',
      '--comment',
      'ok',
      '--out',
      join(supervisor.dir, 'no.zip'),
    ]);
    expect(unseen.code).toBe(2);
    expect(unseen.stderr).toMatch(/Nothing was signed: 2 evidence item\(s\) are not marked/);
    expect(existsSync(join(supervisor.dir, 'no.zip'))).toBe(false);
    const returnItems = join(supervisor.dir, 'return.json');
    writeFileSync(
      returnItems,
      JSON.stringify([{ file: files[1]!.split('/').pop(), verdict: 'problem', comment: 'Nama kanal tidak terlihat' }]),
    );
    const returned = join(supervisor.dir, 'r1-returned.zip');
    const returning = supervisor.run(['review', r1, '--return', '--items', returnItems, '--out', returned]);
    expect(returning.code, returning.stderr).toBe(0);
    expect(returning.stdout).toMatch(new RegExp(`Signed return of ${reference}: 1 of 2 evidence items reviewed`));

    // Untrusted until the analyst's vault knows the supervisor's key; then received, with the comment on the item.
    const untrusted = analyst.run(['case', 'receive', returned]);
    expect(untrusted.code).toBe(3);
    expect(untrusted.stderr).toMatch(/Budi Supervisor .* not in this vault's trust roster/);
    const roster = join(analyst.dir, 'roster.json');
    writeFileSync(
      roster,
      JSON.stringify([
        { fingerprint: who(supervisor).fingerprint, name: 'Budi Supervisor', unit: UNIT, role: 'supervisor' },
      ]),
    );
    expect(analyst.run(['trust', 'import', roster]).code).toBe(0);
    expect(analyst.run(['case', 'receive', returned]).stdout).toMatch(
      new RegExp(`^Received: ${reference} is now returned \\(returned by Budi Supervisor\\)`),
    );
    expect(analyst.run(['case', 'receive', returned]).stdout).toMatch(/^Already received: .*nothing changed/);
    expect(analyst.run(['case', 'decisions', reference]).stdout).toMatch(
      new RegExp(`PROBLEM\\t#${ids[1]}\\t${files[1]}\\tNama kanal tidak terlihat`),
    );
    const handed = join(analyst.dir, 'handed-over.zip');
    expect(analyst.run(['case', 'decisions', reference, '--out', handed]).code).toBe(0);
    expect(execFileSync('sha256sum', [handed], { encoding: 'utf8' }).split(' ')[0]).toBe(
      execFileSync('sha256sum', [returned], { encoding: 'utf8' }).split(' ')[0],
    );

    // A returned export is never submitted: the case is revised and exported again.
    expect(analyst.run(['case', 'status', reference, 'submitted']).code).toBe(2);
    expect(analyst.run(['case', 'status', reference, 'draft', '--note', 'Tangkapan layar diganti']).stdout).toMatch(
      new RegExp(`^${reference}-r2: draft`),
    );
    const r2 = join(analyst.dir, 'r2.zip');
    expect(analyst.run(['case', 'export', `${reference}-r2`, '--out', r2]).code).toBe(0);

    const okItems = join(supervisor.dir, 'ok.json');
    writeFileSync(
      okItems,
      JSON.stringify({ items: evidenceFiles(r2).map((file) => ({ file, verdict: 'ok', comment: '' })) }),
    );
    const approved = join(supervisor.dir, 'r2-approved.zip');
    expect(
      supervisor.run(['review', r2, '--approve', '--comment', 'Lengkap, kirim.', '--items', okItems, '--out', approved])
        .stdout,
    ).toMatch(/2 of 2 evidence items reviewed/);
    expect(analyst.run(['case', 'receive', approved, '--case', reference]).stdout).toMatch(
      new RegExp(`^Received: ${reference}-r2 is now approved`),
    );
    for (const status of ['submitted', 'acknowledged', 'actioned'])
      expect(analyst.run(['case', 'status', reference, status]).code).toBe(0);
    const list = analyst.run(['case', 'list']).stdout.trim().split('\n');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(new RegExp(`^${reference}-r2\\tactioned\\tnormal\\t\\S+\\t-\\t1ch/2ev\\tPropaganda$`));
    expect(analyst.run(['audit', 'verify']).code).toBe(0);
  }, 300_000); // about 40 CLI runs, each unlocking a vault: slow on a loaded machine, so a wider limit
});
