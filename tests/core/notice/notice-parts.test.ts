import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../../electron/core/catalog/vocabulary';
import { noticeCategory } from '../../../electron/core/notice/categories';
import { itemIdFor } from '../../../electron/core/notice/item-id';
import { NOTICE_CATEGORIES } from '../../../electron/core/notice/notice-types';
import { utcOrNull } from '../../../electron/core/notice/utc';
import { schemaValidator } from './schema-validator';

describe('the category table', () => {
  it("maps the unit's categories, today's and the new defaults, to the fixed enumeration", () => {
    const mapped = Object.fromEntries(DEFAULT_CATEGORIES.map((c) => [c, noticeCategory(c)]));
    expect(mapped).toEqual({
      terorisme: 'terrorist-content',
      radikalisme: 'violent-extremism',
      'ujaran kebencian / SARA': 'hate-speech',
      hoaks: 'disinformation',
      'judi online': 'gambling',
      pornografi: 'pornography',
      'penipuan / investasi ilegal': 'fraud',
      'pinjol ilegal': 'illegal-lending',
      lainnya: 'other',
    });
    expect(new Set(Object.values(mapped))).toEqual(new Set(NOTICE_CATEGORIES));
    for (const c of DEFAULT_CATEGORIES) expect(c === 'lainnya' || noticeCategory(c) !== 'other', c).toBe(true);
  });

  it('ignores case and spacing; an unknown word, or a name of an object property, is "other"', () => {
    expect(noticeCategory('  Ujaran  Kebencian/SARA ')).toBe('hate-speech');
    expect(noticeCategory('judi daring')).toBe('gambling');
    for (const unknown of ['kampanye gelap', '', 'constructor', '__proto__', 'toString'])
      expect(noticeCategory(unknown)).toBe('other');
  });
});

describe('item ids', () => {
  it("are RFC 9562 version 5 UUIDs (the RFC's own example: www.example.com in the DNS namespace)", () => {
    expect(itemIdFor('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('depend on the notice and the name only', () => {
    const notice = '804d9375-4bcf-4eb9-b3a9-636d49b66f23';
    expect(itemIdFor(notice, 'channel telegram:durov')).toBe(itemIdFor(notice, 'channel telegram:durov'));
    expect(itemIdFor(notice, 'channel telegram:durov')).not.toBe(itemIdFor(notice, 'channel telegram:durov2'));
    expect(itemIdFor(notice, 'channel telegram:durov')).not.toBe(
      itemIdFor('904d9375-4bcf-4eb9-b3a9-636d49b66f23', 'channel telegram:durov'),
    );
  });
});

describe('times in a notice', () => {
  it('convert to UTC when the zone is known and are left out when it is not', () => {
    expect(utcOrNull('2026-11-28T10:15:00+07:00')).toBe('2026-11-28T03:15:00.000Z');
    expect(utcOrNull('2026-11-28T03:15:00.123Z')).toBe('2026-11-28T03:15:00.123Z');
    expect(utcOrNull('2026-11-28T10:15:00')).toBeNull();
    expect(utcOrNull('2026-13-28T10:15:00Z')).toBeNull();
    expect(utcOrNull(null)).toBeNull();
  });
});

describe('resources/schemas/jejak-response-1.schema.json', () => {
  const validate = schemaValidator('jejak-response-1');
  const answer = {
    format: 'jejak-response/1',
    noticeId: '804d9375-4bcf-4eb9-b3a9-636d49b66f23',
    respondedAt: '2026-11-29T01:00:00Z',
    responder: { organisation: 'Telegram', contactEmail: 'abuse@example.org' },
    items: [
      {
        itemId: '59e96d9d-4e5e-53c3-8345-fc40f1412db4',
        status: 'removed',
        actedAt: '2026-11-28T23:00:00Z',
        ticket: 'TG-123',
      },
      {
        itemId: '6a42407a-8373-5914-9d81-6ed7c4a7ccdb',
        status: 'not-actioned',
        reason: 'No violation of our terms found.',
        actedAt: '2026-11-29T00:30:00Z',
      },
      { itemId: '48636363-c13e-56e0-83b0-dc5e6b0fdf41', status: 'already-gone', actedAt: '2026-11-28T22:00:00Z' },
    ],
  };

  it("takes a platform's answer per item", () => {
    expect(validate(answer), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    [
      'a status outside the list',
      (a: typeof answer) => void ((a.items[0] as { status: string }).status = 'deleted'),
      '/items/0/status',
    ],
    [
      'not actioned without a reason',
      (a: typeof answer) => void delete (a.items[1] as { reason?: string }).reason,
      '/items/1',
    ],
    ['no notice id', (a: typeof answer) => void delete (a as { noticeId?: string }).noticeId, ''],
    [
      'a local time',
      (a: typeof answer) => void (a.items[2]!.actedAt = '2026-11-29T05:00:00+07:00'),
      '/items/2/actedAt',
    ],
    [
      'an unknown field',
      (a: typeof answer) => void ((a.items[0] as Record<string, unknown>).url = 'https://t.me/x'),
      '/items/0',
    ],
  ])('refuses %s', (_label, spoil, path) => {
    const copy = structuredClone(answer);
    spoil(copy);
    expect(validate(copy)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain(path);
  });
});
