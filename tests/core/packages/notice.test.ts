import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isJejakError } from '../../../electron/core/errors';
import { verifyPackage, writePackage } from '../../../electron/core/packages';
import { NOTICE_EDITS, withEditedNotice, type NoticeJson } from './corpus/notices';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from './helpers';
import { rezip } from './zip-tools';

afterAll(cleanTempDirs);

const now = new Date('2026-11-28T04:00:00Z');

/**
 * What someone holding a signing key could do: edit notice.json, then write and sign the package
 * again, so every bag and signature check passes. The notice check alone must catch it, naming the field.
 */
async function resigned(edit: (notice: NoticeJson) => void | Buffer) {
  return verifyPackage(await withEditedNotice(tempDir(), edit));
}

describe('the notice check of verify', () => {
  it('passes the sample package', async () => {
    const result = await resigned(() => undefined);
    expect(result.checks.find((c) => c.id === 'notice')).toMatchObject({
      id: 'notice',
      ok: true,
      detail: expect.stringContaining('jejak-notice/1'),
    });
  });

  it.each(NOTICE_EDITS)('%s: only the notice check fails, naming the field', async (_label, edit, detail) => {
    const result = await resigned(edit);
    expect(result.verdict).toBe('invalid');
    expect(result.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['notice']);
    expect(result.checks.find((c) => c.id === 'notice')!.detail).toMatch(detail);
  });

  it('a package without notice.json is invalid, and the writer refuses to make one', async () => {
    const sample = sampleInput(makeSigner('analyst'));
    const dir = tempDir();
    const good = (await writePackage(sample.input, join(dir, 'good.zip'), { now })).path;
    await rezip(good, join(dir, 'gone.zip'), (entries) => entries.filter((e) => !e.name.endsWith('/data/notice.json')));
    const result = await verifyPackage(join(dir, 'gone.zip'));
    expect(result.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual([
      'layout',
      'payload-oxum',
      'manifests-complete',
      'notice',
    ]);
    expect(result.checks.find((c) => c.id === 'layout')!.detail).toContain('data/notice.json is missing');

    sample.input.payload = sample.input.payload.filter((p) => p.path !== 'notice.json');
    const err = await writePackage(sample.input, join(dir, 'none.zip'), { now }).catch((e: unknown) => e);
    expect(isJejakError(err, 'INVALID_INPUT') && err.message).toBe('The payload has no notice.json.');
  });
});
