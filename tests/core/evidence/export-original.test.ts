import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/api/dispatch';
import { evidenceDownload } from '../../../electron/core/app/evidence-images';
import { listAudit } from '../../../electron/core/audit/audit-log';
import { exportOriginal } from '../../../electron/core/evidence/export-original';
import { intakeBytes } from '../../../electron/core/evidence/intake';
import { testApp } from '../../fixtures/app';
import { POLICY, screenshotPng } from '../../fixtures/catalog';
import { PASSPHRASE, newVault, tempDir } from '../../fixtures/temp';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function collect(body: Buffer | AsyncIterable<Buffer>): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('export original', () => {
  it('the harness download hands over the exact bytes of any type, named as taken in, and audits it', async () => {
    const app = testApp();
    await dispatch(app, 'vault.create', { passphrase: PASSPHRASE });
    const bytes = Buffer.from('not an image: kept as "other", never rendered, still exportable');
    const { evidenceId } = await intakeBytes(app.requireSession(), app.policy, bytes, {
      originalName: 'catatan "rahasia".bin',
    });
    // the image route never answers "other" content; the download does
    expect(evidenceDownload(app, `/${evidenceId}/original`).status).toBe(404);
    const reply = evidenceDownload(app, `/${evidenceId}/download`);
    expect(reply).toMatchObject({ status: 200, type: 'application/octet-stream' });
    expect(reply.headers?.['Content-Disposition']).toBe(
      `attachment; filename="catatan _rahasia_.bin"; filename*=UTF-8''catatan%20%22rahasia%22.bin`,
    );
    expect((await collect(reply.body)).equals(bytes)).toBe(true);
    const [entry] = listAudit(app.requireSession().db, { limit: 1 });
    expect(entry).toMatchObject({
      action: 'evidence.exported',
      subjectId: String(evidenceId),
      details: { sha256: sha256(bytes), via: 'download' },
    });
    expect(evidenceDownload(app, '/999/download').status).toBe(404);
    app.lock('test');
    expect(evidenceDownload(app, `/${evidenceId}/download`).status).toBe(404);
  });

  it('the desktop export writes the original where the person chose, inside the folders the policy allows', async () => {
    const { session } = await newVault();
    const png = await screenshotPng(7);
    const { evidenceId } = await intakeBytes(session, POLICY, png, { originalName: 'tangkapan.png' });
    const allowed = tempDir();
    const elsewhere = tempDir();
    const policy = { ...POLICY, allowedExportFolders: [allowed] };
    await expect(exportOriginal(session, policy, evidenceId, join(elsewhere, 'x.png'))).rejects.toMatchObject({
      code: 'POLICY',
      reason: { key: 'exportError.folderNotAllowed' },
    });
    await exportOriginal(session, policy, evidenceId, join(allowed, 'x.png'));
    expect(readFileSync(join(allowed, 'x.png')).equals(png)).toBe(true);
    await expect(exportOriginal(session, policy, evidenceId, join(allowed, 'x.png'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      reason: { key: 'exportError.exists' },
    });
    session.close('test');
  });
});
