import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/api/dispatch';
import { testApp } from '../../fixtures/app';
import { screenshotPng } from '../../fixtures/catalog';
import { PASSPHRASE, tempDir } from '../../fixtures/temp';

describe('evidence.intakePaths (several dropped files at once)', () => {
  it('answers each file in order: pictures added, an empty file refused, a duplicate linked; raw paths are refused', async () => {
    const app = testApp({}, { pathGrants: {} });
    await dispatch(app, 'vault.create', { passphrase: PASSPHRASE });
    const dir = tempDir();
    const files = ['a.png', 'empty.png', 'b.png', 'a-again.png'].map((n) => join(dir, n));
    const a = await screenshotPng(5);
    writeFileSync(files[0]!, a);
    writeFileSync(files[1]!, '');
    writeFileSync(files[2]!, await screenshotPng(6));
    writeFileSync(files[3]!, a);
    const paths = files.map((f) => app.pathGrants!.mint(f));
    const answer = await dispatch(app, 'evidence.intakePaths', { paths, jobId: 'j1', notes: 'dropped together' });
    expect(answer).toMatchObject({
      ok: true,
      value: {
        items: [
          { ok: true, result: { duplicate: false, mediaType: 'image/png' } },
          { ok: false, error: { code: 'INVALID_INPUT', reason: { key: 'intakeError.empty' } } },
          { ok: true, result: { duplicate: false } },
          { ok: true, result: { duplicate: true } },
        ],
      },
    });
    const listed = await dispatch(app, 'evidence.list', { filter: {}, offset: 0, limit: 10 });
    expect(listed).toMatchObject({ ok: true, value: { total: 2 } });
    expect(await dispatch(app, 'evidence.intakePaths', { paths: [files[2]!], jobId: 'j2' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    app.lock('test');
  });
});
