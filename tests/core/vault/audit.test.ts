import { describe, expect, it } from 'vitest';
import { appendAudit, listAudit, verifyAudit } from '../../../electron/core/audit/audit-log';
import { sql } from '../../../electron/core/db/sql';
import { newVault } from '../../fixtures/temp';

describe('audit chain', () => {
  it('refuses updates and deletes through SQL', async () => {
    const { session } = await newVault();
    expect(() => session.db.run(sql`UPDATE audit SET actor = 'x'`)).toThrow(/append-only/);
    expect(() => session.db.run(sql`DELETE FROM audit`)).toThrow(/append-only/);
    session.close('test');
  });

  it('names the first changed entry when a row is edited with the key', async () => {
    const { session } = await newVault();
    for (let i = 0; i < 5; i++) appendAudit(session.db, { actor: 'a', action: 'test.step', details: { i } });
    expect(verifyAudit(session.db)).toMatchObject({ ok: true, entries: 7 });
    // Someone with the key drops the guard and edits history.
    session.db.raw.exec('DROP TRIGGER audit_no_update; UPDATE audit SET details = \'{"i":99}\' WHERE seq = 4');
    expect(verifyAudit(session.db)).toMatchObject({
      ok: false,
      entries: 3,
      firstBad: { seq: 4, reason: expect.stringMatching(/does not match its hash/) },
    });
    session.db.raw.exec('DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 2');
    expect(verifyAudit(session.db)).toMatchObject({
      ok: false,
      firstBad: { seq: 3, reason: expect.stringMatching(/entry 2 is missing/) },
    });
  });

  it('lists newest first, pages, and filters by subject', async () => {
    const { session } = await newVault();
    appendAudit(session.db, { actor: 'a', action: 'x', subject: { type: 'channel', id: 'c1' } });
    appendAudit(session.db, { actor: 'a', action: 'y', subject: { type: 'channel', id: 'c2' } });
    const page = listAudit(session.db, { limit: 2 });
    expect(page.map((e) => e.action)).toEqual(['y', 'x']);
    expect(listAudit(session.db, { limit: 10, beforeSeq: page[1]!.seq }).map((e) => e.action)).toEqual([
      'identity.key-created',
      'vault.created',
    ]);
    expect(listAudit(session.db, { limit: 10, subject: { type: 'channel', id: 'c2' } })).toHaveLength(1);
    session.close('test');
  });
});
