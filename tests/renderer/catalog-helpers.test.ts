import { describe, expect, it } from 'vitest';
import { addTags, cleanTag, parseTags } from '../../renderer/components/tags';
import { layoutBars, niceMax } from '../../renderer/features/dashboard/chart';
import { firstLineByKey, reasonCode, visibleRows } from '../../renderer/features/channels/import-rows';
import type { ImportRow } from '../../renderer/features/channels/import-store';
import { pastedImages } from '../../renderer/features/evidence/paste';

describe('tags', () => {
  it('cleans, splits and de-duplicates ignoring case', () => {
    expect(cleanTag('  jaringan   lama  ')).toBe('jaringan lama');
    expect(parseTags('ISIS, isis; propaganda,, ,Propaganda')).toEqual(['ISIS', 'propaganda']);
    expect(addTags(['a'], 'A, b')).toEqual(['a', 'b']);
    expect(cleanTag('x'.repeat(80))).toHaveLength(60);
    expect(addTags([], Array.from({ length: 60 }, (_, i) => `t${i}`).join(','))).toHaveLength(50);
  });
});

describe('weekly chart', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 12, 400, 501].map(niceMax)).toEqual([1, 1, 5, 10, 20, 500, 1000]);
  });

  it('lays bars out left to right, scaled to the axis, empty weeks flat', () => {
    const { bars, max } = layoutBars(
      [
        { week: '2026-01-05', count: 0 },
        { week: '2026-01-12', count: 5 },
        { week: '2026-01-19', count: 10 },
      ],
      300,
      100,
      0,
    );
    expect(max).toBe(10);
    expect(bars.map((b) => [b.x, b.height])).toEqual([
      [0, 0],
      [100, 50],
      [200, 100],
    ]);
    expect(bars[2]!.y).toBe(0);
  });
});

describe('import preview rows', () => {
  const rows: ImportRow[] = [
    { line: 1, input: 'https://t.me/a', state: 'new', key: 'telegram:a' },
    { line: 2, input: '@a', state: 'repeated', key: 'telegram:a', reason: 'Same channel as line 1.' },
    { line: 3, input: 'javascript:x', state: 'invalid', reason: 'nope' },
    { line: 4, input: 'https://t.me/b', state: 'existing', key: 'telegram:b', existingId: 9 },
  ];

  it('knows the line each channel first appears on', () => {
    expect([...firstLineByKey(rows)]).toEqual([
      ['telegram:a', 1],
      ['telegram:b', 4],
    ]);
  });

  it('puts the rows that need a look first, or shows one state', () => {
    expect(visibleRows(rows, 'all', 10).map((r) => r.line)).toEqual([3, 2, 4, 1]);
    expect(visibleRows(rows, 'new', 10).map((r) => r.line)).toEqual([1]);
    expect(visibleRows(rows, 'all', 2)).toHaveLength(2);
  });

  it('reads a reason code only when the core sends one', () => {
    expect(reasonCode(rows[2]!)).toBeNull();
    expect(reasonCode({ ...rows[2]!, code: 'unsupported-scheme' } as ImportRow)).toBe('unsupported-scheme');
  });
});

describe('pasted images', () => {
  function clipboard(items: Array<{ type: string; file?: File }>, types: string[]): DataTransfer {
    return {
      types,
      items: items.map((i) => ({ kind: i.file ? 'file' : 'string', type: i.type, getAsFile: () => i.file ?? null })),
    } as unknown as DataTransfer;
  }
  const when = new Date('2026-03-01T08:09:10Z');

  it('names pasted images by time and keeps their bytes', async () => {
    const files = pastedImages(
      clipboard([{ type: 'image/png', file: new File(['png!'], 'image.png', { type: 'image/png' }) }], ['Files']),
      document.body,
      when,
    );
    expect(files.map((f) => f.name)).toEqual(['tempel-2026-03-01T08-09-10.png']);
    expect(await files[0]!.text()).toBe('png!');
  });

  it('leaves text pasted into a field alone, and ignores non-images', () => {
    const input = document.createElement('textarea');
    const data = clipboard(
      [{ type: 'text/plain' }, { type: 'image/png', file: new File(['x'], 'a.png') }],
      ['text/plain', 'Files'],
    );
    expect(pastedImages(data, input, when)).toEqual([]);
    expect(
      pastedImages(
        clipboard([{ type: 'application/pdf', file: new File(['x'], 'a.pdf') }], ['Files']),
        document.body,
        when,
      ),
    ).toEqual([]);
    expect(pastedImages(null, document.body, when)).toEqual([]);
  });
});
