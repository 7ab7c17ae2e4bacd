import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useNavStore } from '../../renderer/app/nav-store';
import { resetAllStores } from '../../renderer/app/reset-stores';
import { ActivitySubject, actionText } from '../../renderer/features/audit/ActivitySubject';
import type { AuditEntry } from '../../renderer/features/audit/activity-store';
import { useChannelDetailStore } from '../../renderer/features/channels/channel-detail-store';
import { useCasesStore } from '../../renderer/features/cases/cases-store';
import { translate, useI18n } from '../../renderer/i18n';

function entry(patch: Partial<AuditEntry>): AuditEntry {
  return {
    seq: 1,
    at: '2026-11-28T03:00:00Z',
    actor: 'Sari',
    action: 'channel.created',
    subjectType: null,
    subjectId: null,
    details: {},
    prevHash: '0',
    hash: '1',
    subjectLabel: null,
    subjectExists: false,
    ...patch,
  };
}

/** No core behind these tests: every call answers "not available", so opening a page only shows where it goes. */
const unavailable = async () => ({
  ok: false as const,
  error: { code: 'UNAVAILABLE', message: 'no core in this test' },
});
const bridge = new Proxy({}, { get: () => new Proxy({}, { get: () => unavailable }) });

afterEach(cleanup);
beforeEach(() => {
  (window as unknown as { jejak: unknown }).jejak = bridge;
  resetAllStores();
  useI18n.getState().setLanguage('id');
});

describe('an activity row names the item that changed, with a link to it', () => {
  it('a channel, by its title, opens its page', () => {
    const { getByRole, container } = render(
      <ActivitySubject
        entry={entry({ subjectType: 'channel', subjectId: '7', subjectLabel: 'Berita Harian', subjectExists: true })}
      />,
    );
    expect(container.textContent).toBe('Kanal Berita Harian');
    fireEvent.click(getByRole('button', { name: 'Buka Berita Harian' }));
    expect(useNavStore.getState().area).toBe('channels');
    expect(useChannelDetailStore.getState()).toMatchObject({ id: 7, returnTo: 'activity' });
  });

  it('a case, by its reference, opens the case', () => {
    const { getByRole } = render(
      <ActivitySubject
        entry={entry({
          action: 'case.created',
          subjectType: 'case',
          subjectId: '3',
          subjectLabel: 'JJK/2026/12/0001',
          subjectExists: true,
        })}
      />,
    );
    fireEvent.click(getByRole('button', { name: 'Buka JJK/2026/12/0001' }));
    expect(useNavStore.getState().area).toBe('cases');
    expect(useCasesStore.getState().openId).toBe(3);
  });

  it('evidence that is gone: its number and recorded name, no link', () => {
    const { container, queryByRole } = render(
      <ActivitySubject
        entry={entry({ action: 'evidence.added', subjectType: 'evidence', subjectId: '12', subjectLabel: 'shot.png' })}
      />,
    );
    expect(container.textContent).toBe('Bukti #12 shot.png (tidak lagi ada di brankas)');
    expect(queryByRole('button')).toBeNull();
  });

  it('in English too', () => {
    useI18n.getState().setLanguage('en');
    const { container } = render(
      <ActivitySubject
        entry={entry({ subjectType: 'evidence', subjectId: '12', subjectLabel: 'shot.png', subjectExists: true })}
      />,
    );
    expect(container.textContent).toBe('Evidence #12 shot.png');
  });
});

describe('event names', () => {
  const t = (language: 'id' | 'en') => (key: string, vars?: Record<string, string | number>) =>
    translate(language, key, vars);

  it('are translated, with the new status of a status change', () => {
    const change = entry({ action: 'case.status-changed', details: { status: 'submitted' } });
    expect(actionText(t('id'), change)).toBe('Status kasus diubah: Dikirim ke platform');
    expect(actionText(t('en'), change)).toMatch(/^Case status changed: /);
    expect(actionText(t('id'), entry({ action: 'review.returned' }))).toBe('Paket dikembalikan dan ditandatangani');
  });

  it('fall back to the action itself when there are no words for it yet', () => {
    expect(actionText(t('id'), entry({ action: 'something.new' }))).toBe('something.new');
  });
});
