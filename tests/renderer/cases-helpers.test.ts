import { describe, expect, it } from 'vitest';
import {
  dominantPlatform,
  dueDistance,
  dueParts,
  formatDue,
  itemComments,
  missingForSigning,
  msUntilNextDue,
  packageFileName,
  progressFraction,
} from '../../renderer/features/cases/case-helpers';

describe('packageFileName', () => {
  it('replaces every character outside A-Za-z0-9._- as the package format does', () => {
    expect(packageFileName('JJK/2026/11/0001')).toBe('JJK-2026-11-0001.zip');
    expect(packageFileName('Kasus #7 (uji)')).toBe('Kasus--7--uji-.zip');
    expect(packageFileName('a.b_c-d')).toBe('a.b_c-d.zip');
  });
});

describe('due times', () => {
  const now = new Date('2026-11-28T04:00:00Z');

  it('measures the distance both ways in days, hours and minutes', () => {
    expect(dueDistance('2026-11-28T07:20:30Z', now)).toEqual({ late: false, days: 0, hours: 3, minutes: 20 });
    expect(dueDistance('2026-11-26T01:55:00Z', now)).toEqual({ late: true, days: 2, hours: 2, minutes: 5 });
    expect(dueDistance('not a date', now)).toBeNull();
  });

  it('keeps the two largest units that matter', () => {
    expect(dueParts({ late: false, days: 2, hours: 4, minutes: 59 })).toEqual([
      ['days', 2],
      ['hours', 4],
    ]);
    expect(dueParts({ late: false, days: 1, hours: 0, minutes: 30 })).toEqual([['days', 1]]);
    expect(dueParts({ late: true, days: 0, hours: 0, minutes: 7 })).toEqual([['minutes', 7]]);
    expect(dueParts({ late: true, days: 0, hours: 0, minutes: 0 })).toEqual([]);
  });

  it('formats a due time to the minute in the reader’s language', () => {
    expect(formatDue('2026-11-28T04:00:00Z', 'en')).not.toMatch(/:\d\d:\d\d/);
    expect(formatDue('garbage', 'id')).toBe('garbage');
  });

  it('knows when the next open case falls due, ignoring closed and already overdue ones', () => {
    const cases = [
      { dueAt: '2026-11-28T05:00:00Z', open: true, overdue: false },
      { dueAt: '2026-11-28T04:10:00Z', open: false, overdue: false },
      { dueAt: '2026-11-28T03:00:00Z', open: true, overdue: true },
      { dueAt: '2026-11-28T04:30:00Z', open: true, overdue: false },
    ];
    expect(msUntilNextDue(cases, now)).toBe(30 * 60_000);
    expect(msUntilNextDue([cases[1]!, cases[2]!], now)).toBeNull();
    // Due already but not yet marked overdue by the core: ask again at once.
    expect(msUntilNextDue([{ dueAt: '2026-11-28T03:59:00Z', open: true, overdue: false }], now)).toBe(0);
  });
});

describe('dominantPlatform', () => {
  it('takes the most common platform, the first seen on a tie', () => {
    expect(dominantPlatform(['telegram', 'youtube', 'telegram'])).toBe('telegram');
    expect(dominantPlatform(['youtube', 'telegram'])).toBe('youtube');
    expect(dominantPlatform([])).toBeNull();
  });
});

describe('progressFraction', () => {
  it('is indeterminate until bytes are counted, and never passes 1', () => {
    expect(progressFraction(0, 0)).toBeNull();
    expect(progressFraction(0, 100)).toBeNull();
    expect(progressFraction(50, 0)).toBeNull();
    expect(progressFraction(25, 100)).toBe(0.25);
    // The PDF and data files are counted on top of the evidence total.
    expect(progressFraction(130, 100)).toBe(1);
  });
});

describe('missingForSigning', () => {
  it('needs a name, and a unit unless the machine policy names one', () => {
    expect(missingForSigning({ name: '', unit: '' }, null)).toEqual(['name', 'unit']);
    expect(missingForSigning({ name: 'Rina', unit: ' ' }, null)).toEqual(['unit']);
    expect(missingForSigning({ name: 'Rina', unit: '' }, 'Direktorat X')).toEqual([]);
    expect(missingForSigning({ name: '  ', unit: 'Unit' }, undefined)).toEqual(['name']);
  });
});

describe('itemComments', () => {
  const decisions = [
    {
      id: 2,
      revision: 2,
      decision: 'approved' as const,
      signer: { name: 'Budi' },
      items: [
        { verdict: 'ok' as const, comment: '', evidenceId: 7, channelId: 1 },
        { verdict: 'ok' as const, comment: 'jelas', evidenceId: 8, channelId: 1 },
      ],
    },
    {
      id: 1,
      revision: 1,
      decision: 'returned' as const,
      signer: { name: 'Budi' },
      items: [{ verdict: 'problem' as const, comment: 'terpotong', evidenceId: 7, channelId: 1 }],
    },
  ];

  it('gives what each decision said of an item, newest first, leaving out a wordless ok', () => {
    expect(itemComments(decisions, 'evidence', 7)).toEqual([
      { decisionId: 1, revision: 1, decision: 'returned', signer: 'Budi', verdict: 'problem', comment: 'terpotong' },
    ]);
    expect(itemComments(decisions, 'evidence', 8).map((c) => c.comment)).toEqual(['jelas']);
    expect(itemComments(decisions, 'channel', 1).map((c) => c.comment)).toEqual(['jelas', 'terpotong']);
    expect(itemComments(decisions, 'channel', 2)).toEqual([]);
  });
});
