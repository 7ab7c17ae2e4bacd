import { describe, expect, it } from 'vitest';
import { sql } from '../../electron/core/db/sql';
import { unlockVault } from '../../electron/core/vault/vault';
import { cliWorkspace } from '../fixtures/cli';
import { leaveUnfinished, sentCase } from '../fixtures/outcomes';
import { PASSPHRASE } from '../fixtures/temp';

describe('jejak CLI: a notice record an export left unfinished', () => {
  it('is made whole by the next command that unlocks the vault, as the app does', async () => {
    const { session, dir } = await sentCase();
    const exportId = session.db.get<{ id: number }>(sql`SELECT max(id) AS id FROM case_exports`)!.id;
    const items = () => session.db.all(sql`SELECT item_id FROM notice_items WHERE export_id = ${exportId}`).length;
    expect(items()).toBe(5);
    leaveUnfinished(session, exportId);
    session.close('test');

    const listed = cliWorkspace().runIn(dir, ['case', 'list']);
    expect(listed.code, listed.stderr).toBe(0);

    const again = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'analyst' });
    const record = again.db.get<{ items_recorded: number; items: number; evidence: number }>(
      sql`SELECT items_recorded,
        (SELECT count(*) FROM notice_items WHERE export_id = ${exportId}) AS items,
        (SELECT count(*) FROM notice_item_evidence WHERE export_id = ${exportId}) AS evidence
        FROM notices WHERE export_id = ${exportId}`,
    );
    expect(record).toEqual({ items_recorded: 1, items: 5, evidence: expect.any(Number) });
    expect(record!.evidence).toBeGreaterThan(0);
    again.close('test');
  });
});
