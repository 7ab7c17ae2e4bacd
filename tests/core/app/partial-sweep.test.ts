import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/api/dispatch';
import { createJejakApp } from '../../../electron/core/app/create-app';
import { sql } from '../../../electron/core/db/sql';
import { FAST_KDF, PASSPHRASE, tempDir } from '../../fixtures/temp';

describe('stale partials at app start', () => {
  it('removes them from the exports folder when the app starts and records each at the next unlock', async () => {
    const dataDir = tempDir();
    const policyPath = join(dataDir, 'policy.json');
    writeFileSync(policyPath, JSON.stringify({ kdf: FAST_KDF, allowAnonymousVault: true }));
    const first = createJejakApp({ dataDir, policyPath, resourcesDir: 'resources', version: 'test' });
    expect(await dispatch(first, 'vault.create', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    first.lock('test');

    const exports = join(dataDir, 'exports');
    mkdirSync(exports, { recursive: true });
    const partial = '.JJK-2026-0001.zip.partial-a1b2c3d4e5f6';
    writeFileSync(join(exports, partial), Buffer.from('PK\x03\x04 evidence in clear', 'latin1'));
    const app = createJejakApp({ dataDir, policyPath, resourcesDir: 'resources', version: 'test' });
    expect(readdirSync(exports)).toEqual([]);

    expect(await dispatch(app, 'vault.unlock', { passphrase: PASSPHRASE })).toEqual({ ok: true, value: {} });
    const rows = app
      .requireSession()
      .db.all<{ subject_id: string; details: string }>(
        sql`SELECT subject_id, details FROM audit WHERE action = 'package.partial-removed'`,
      );
    expect(rows.map((r) => [r.subject_id, JSON.parse(r.details)])).toEqual([[partial, { folder: exports, bytes: 22 }]]);
    app.lock('test');
  });
});
