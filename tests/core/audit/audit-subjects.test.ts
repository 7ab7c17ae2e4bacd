import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/api/dispatch';
import { listAudit } from '../../../electron/core/audit/audit-log';
import { withSubjectLabels } from '../../../electron/core/audit/audit-subjects';
import { addOrFindChannel } from '../../../electron/core/catalog/channels';
import { analystCase } from '../../fixtures/case';
import { POLICY } from '../../fixtures/catalog';
import { testApp } from '../../fixtures/app';
import { PASSPHRASE, newVault } from '../../fixtures/temp';

describe('activity entries name their subject', () => {
  it('a channel by its title (or @handle), evidence by its file name, a case by its reference', async () => {
    const { session } = await newVault();
    const { kase, channels, evidence } = await analystCase(session);
    const untitled = addOrFindChannel(session, POLICY, { url: 'https://www.youtube.com/@SomeHandle' }).id;
    const entries = withSubjectLabels(session.db, listAudit(session.db, { limit: 500 }));
    const labelOf = (type: string, id: number) =>
      entries.find((e) => e.subjectType === type && e.subjectId === String(id));
    expect(labelOf('channel', channels[0]!)).toMatchObject({ subjectLabel: 'Daulah Media', subjectExists: true });
    expect(labelOf('channel', untitled)).toMatchObject({ subjectLabel: '@SomeHandle', subjectExists: true });
    expect(labelOf('evidence', evidence[2]!)).toMatchObject({ subjectLabel: 'shot-2.png', subjectExists: true });
    expect(labelOf('case', kase.id)).toMatchObject({ subjectLabel: kase.reference, subjectExists: true });
    // entries without a subject stay as they are
    expect(entries.find((e) => e.action === 'vault.created')).toMatchObject({
      subjectLabel: null,
      subjectExists: false,
    });
    session.close('test');
  });

  it('a subject that is gone keeps the name its entry recorded, and is not offered as a link', async () => {
    const { session } = await newVault();
    session.audit({
      action: 'case.created',
      subject: { type: 'case', id: '4242' },
      details: { reference: 'JJK/2026/01/0001' },
    });
    session.audit({ action: 'review.approved', subject: { type: 'package', id: 'JJK-2026-01-0001' } });
    const [pkg, gone] = withSubjectLabels(session.db, listAudit(session.db, { limit: 2 }));
    expect(gone).toMatchObject({ subjectLabel: 'JJK/2026/01/0001', subjectExists: false });
    expect(pkg).toMatchObject({ subjectLabel: 'JJK-2026-01-0001', subjectExists: false });
    session.close('test');
  });

  it('audit.list answers with the labels, through the contract', async () => {
    const app = testApp();
    await dispatch(app, 'vault.create', { passphrase: PASSPHRASE });
    await dispatch(app, 'channels.add', { url: 'https://t.me/beritaharian', title: 'Berita Harian' });
    const answer = await dispatch(app, 'audit.list', { limit: 10 });
    expect(answer.ok).toBe(true);
    const entries = (answer as { value: { entries: Array<{ action: string; subjectLabel: string | null }> } }).value
      .entries;
    expect(entries.find((e) => e.action === 'channel.created')?.subjectLabel).toBe('Berita Harian');
    // an error names its exact case for the window to translate
    expect(await dispatch(app, 'channels.add', { url: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', reason: { key: 'linkError.unsupported-scheme' } },
    });
    app.lock('test');
  });
});
