import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../electron/core/audit/audit-log';
import { sql } from '../../../electron/core/db/sql';
import { getEvidence } from '../../../electron/core/evidence/evidence-repo';
import { intakeFiles } from '../../../electron/core/evidence/intake-batch';
import { POLICY, screenshotPng } from '../../fixtures/catalog';
import { newVault, tempDir } from '../../fixtures/temp';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('batch intake (intakeFiles)', () => {
  it('takes in 130 files across several batches, answering each in order; bad files are reported and stop nothing', async () => {
    const { dir: vaultDir, session } = await newVault();
    const dir = tempDir();
    const paths: string[] = [];
    const contents: Buffer[] = [];
    for (let i = 0; i < 130; i++) {
      const bytes = Buffer.alloc(1000 + i * 3000, i);
      bytes.write(`file ${i}`);
      contents.push(bytes);
      paths.push(join(dir, `f${i}.bin`));
      writeFileSync(paths[i]!, bytes);
    }
    writeFileSync(join(dir, 'empty.bin'), '');
    paths.splice(7, 0, join(dir, 'missing.bin'));
    paths.splice(60, 0, join(dir, 'empty.bin'));
    paths.push(paths[0]!); // the same file again, in a later batch
    paths.splice(20, 0, paths[10]!); // and within one batch
    const results = await intakeFiles(
      session,
      POLICY,
      paths.map((path) => ({ path, meta: { notes: 'batch' } })),
    );
    expect(results).toHaveLength(paths.length);
    expect(results[7]).toMatchObject({ ok: false, error: { code: 'UNREADABLE' } });
    expect(results[61]).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const added = results.filter((r) => r.ok && !r.outcome.duplicate);
    expect(added).toHaveLength(130);
    const byPath = (i: number) => results[paths.indexOf(join(dir, `f${i}.bin`))]!;
    for (let i = 0; i < 130; i += 13) {
      const r = byPath(i);
      if (!r.ok) throw new Error('expected an outcome');
      expect(r.outcome.sha256).toBe(sha256(contents[i]!));
      const item = getEvidence(session, r.outcome.evidenceId);
      expect(item).toMatchObject({ originalName: `f${i}.bin`, notes: 'batch', size: contents[i]!.length });
      const { name } = session.db.get<{ name: string }>(
        sql`SELECT blob_name AS name FROM evidence WHERE id = ${item.id}`,
      )!;
      expect((await session.blobs.readAll(name, item.sha256)).equals(contents[i]!)).toBe(true);
    }
    const first = byPath(0);
    const again = results[results.length - 1]!;
    expect(again.ok && first.ok && again.outcome).toMatchObject({
      duplicate: true,
      evidenceId: first.ok ? first.outcome.evidenceId : -1,
    });
    expect(results[20]).toMatchObject({ ok: true, outcome: { duplicate: true } });
    // ids follow the order the files were given
    const ids = results.flatMap((r) => (r.ok && !r.outcome.duplicate ? [r.outcome.evidenceId] : []));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(session.db.get(sql`SELECT count(*) AS n FROM blobs`)).toEqual({ n: 130 });
    expect(readdirSync(join(vaultDir, 'blobs', 'tmp'))).toEqual([]);
    expect(verifyAudit(session.db).ok).toBe(true);
    session.close('test');
  });

  it('analyses pictures once their originals are safe: thumbnail, pixel size, PDQ, near duplicates within a batch', async () => {
    const { session } = await newVault();
    const dir = tempDir();
    const png = await screenshotPng(3, 800, 600);
    const small = await sharp(png).resize(400).jpeg({ quality: 60 }).toBuffer();
    writeFileSync(join(dir, 'a.png'), png);
    writeFileSync(join(dir, 'a-small.jpg'), small);
    const [a, b] = await intakeFiles(session, POLICY, [
      { path: join(dir, 'a.png') },
      { path: join(dir, 'a-small.jpg') },
    ]);
    if (!a?.ok || !b?.ok) throw new Error('expected outcomes');
    expect(getEvidence(session, a.outcome.evidenceId)).toMatchObject({ width: 800, height: 600, hasThumbnail: true });
    expect(a.outcome.pdq).toMatch(/^[0-9a-f]{64}$/);
    expect(b.outcome).toMatchObject({ mediaType: 'image/jpeg', nearDuplicateOf: a.outcome.evidenceId });
    session.close('test');
  });

  it('refuses a bad capture time per file and keeps nothing of it', async () => {
    const { session } = await newVault();
    const path = join(tempDir(), 'x.bin');
    writeFileSync(path, 'some bytes');
    const [r] = await intakeFiles(session, POLICY, [{ path, meta: { capturedAt: 'yesterday' } }]);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(session.db.get(sql`SELECT count(*) AS n FROM blobs`)).toEqual({ n: 0 });
    session.close('test');
  });
});
