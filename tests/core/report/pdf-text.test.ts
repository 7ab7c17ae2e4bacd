import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDateTimeShort,
  formatSize,
  groupFingerprint,
  packageName,
  vocab,
} from '../../../electron/core/report/pdf-format';
import {
  cleanText,
  paragraphDirection,
  truncateText,
  visualOrder,
  wrapText,
} from '../../../electron/core/report/pdf-text';

/** every character 1 unit wide */
const mono = (s: string) => [...s].length;

describe('wrapText', () => {
  it('breaks at spaces', () => {
    expect(wrapText('aaa bbb ccc ddd', 7, mono)).toEqual(['aaa bbb', 'ccc ddd']);
  });

  it('keeps paragraphs and empty lines', () => {
    expect(wrapText('one\n\ntwo', 10, mono)).toEqual(['one', '', 'two']);
    expect(wrapText('', 10, mono)).toEqual(['']);
  });

  it('breaks a long unbroken string between characters, never past the width', () => {
    const lines = wrapText('x'.repeat(95), 10, mono);
    expect(lines).toHaveLength(10);
    expect(lines.every((l) => mono(l) <= 10)).toBe(true);
    expect(lines.join('')).toBe('x'.repeat(95));
  });

  it('prefers to break a URL after a separator', () => {
    const lines = wrapText('https://t.me/s/channelname/12345', 20, mono);
    expect(lines.every((l) => mono(l) <= 20)).toBe(true);
    expect(lines.join('')).toBe('https://t.me/s/channelname/12345');
    expect(lines[0]).toBe('https://t.me/s/');
  });

  it('breaks a URL only after "/", "?" or "&", never inside "https://"', () => {
    const url = 'https://www.example.org/kanal/berita_harian.terkini/posting?id=12345&lang=id&sumber=bagikan-ke-teman';
    for (let width = 25; width <= 70; width++) {
      for (const text of [url, `Sumber: ${url}`]) {
        const lines = wrapText(text, width, mono);
        expect(lines.every((l) => mono(l) <= width)).toBe(true);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        for (const line of lines.slice(0, -1)) {
          if (line === 'Sumber:') continue;
          expect(line, `width ${width}: ${lines.join(' | ')}`).toMatch(/[/?&]$/);
          expect(line).not.toMatch(/:\/\/?$/);
        }
      }
    }
  });

  it('breaks a URL between characters only where no "/", "?" or "&" fits', () => {
    const lines = wrapText(`https://example.org/${'x'.repeat(50)}`, 20, mono);
    expect(lines[0]).toBe('https://example.org/');
    expect(lines.slice(1).every((l) => /^x+$/.test(l) && mono(l) <= 20)).toBe(true);
  });

  it('fills the rest of a line with the start of a long word', () => {
    const lines = wrapText(`see ${'y'.repeat(30)}`, 12, mono);
    expect(lines[0]).toBe(`see ${'y'.repeat(8)}`);
    expect(lines.join('').replace(' ', '')).toBe(`see${'y'.repeat(30)}`);
  });

  it('does not split a surrogate pair or a combining sequence', () => {
    const s = '😀'.repeat(5) + 'e\u0301'.repeat(5);
    const lines = wrapText(s, 3, (t) => [...new Intl.Segmenter().segment(t)].length);
    expect(lines.join('')).toBe(s);
    for (const l of lines)
      expect(l).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(lines.some((l) => l.startsWith('\u0301'))).toBe(false);
  });

  it('fills each line of a long word as far as the real width allows, where kerning makes it differ from the sum of its characters', () => {
    // "AV" kerns tighter, "fi" becomes one narrower glyph: the sum of single characters is only an estimate
    const kerned = (s: string) => [...s].length - 0.4 * (s.split('AV').length - 1) - 0.5 * (s.split('fi').length - 1);
    let seed = 7;
    const pick = () => 'AVfiAVx-'[(seed = (seed * 48271) % 2147483647) % 8];
    for (let n = 0; n < 40; n++) {
      const word = Array.from({ length: 60 + n }, pick).join('');
      const width = 9 + (n % 7);
      const lines = wrapText(word, width, kerned);
      expect(lines.join('')).toBe(word);
      for (const [i, line] of lines.entries()) {
        expect(kerned(line)).toBeLessThanOrEqual(width);
        // a full line: one more character of the word would not have fitted (or it ends at a break)
        const next = lines[i + 1];
        if (next && !'-'.includes(line.at(-1)!)) expect(kerned(line + next[0])).toBeGreaterThan(width);
      }
    }
  });

  it('makes progress when not even one character fits', () => {
    expect(wrapText('abc', 0.5, mono)).toEqual(['a', 'b', 'c']);
  });
});

describe('truncateText', () => {
  it('cuts with an ellipsis only when needed', () => {
    expect(truncateText('short', 10, mono)).toBe('short');
    expect(truncateText('a long reference number', 10, mono)).toBe('a long re…');
  });
});

describe('cleanText', () => {
  it('shows invisible and direction-changing characters', () => {
    expect(cleanText('abc\u202Etxt.exe')).toBe('abc[U+202E]txt.exe');
    expect(cleanText('a\u0000b\u200Bc')).toBe('a[U+0000]b[U+200B]c');
    expect(cleanText('line\nbreak')).toBe('line[U+000A]break');
    expect(cleanText('line\r\nbreak', { multiline: true })).toBe('line\nbreak');
  });

  it('shows joiners only in identifiers', () => {
    expect(cleanText('a\u200Db')).toBe('a\u200Db');
    expect(cleanText('https://t.me/a\u200Db', { strict: true })).toBe('https://t.me/a[U+200D]b');
  });

  it('replaces lone surrogates and normalizes to NFC', () => {
    expect(cleanText('a\uD800b')).toBe('a\uFFFDb');
    expect(cleanText('e\u0301')).toBe('\u00E9');
    expect(cleanText(null)).toBe('');
  });
});

describe('visualOrder', () => {
  it('leaves left-to-right text alone', () => {
    expect(visualOrder('hello world', 'ltr')).toBe('hello world');
  });

  it('reverses the words of a right-to-left paragraph', () => {
    const line = 'قناة الأخبار العاجلة 24';
    expect(paragraphDirection(line)).toBe('rtl');
    expect(visualOrder(line, 'rtl')).toBe('24 العاجلة الأخبار قناة');
  });

  it('reverses only the right-to-left run inside left-to-right text', () => {
    expect(visualOrder('Channel قناة الأخبار here', 'ltr')).toBe('Channel الأخبار قناة here');
  });
});

describe('formatting', () => {
  it('formats dates in the language, in UTC', () => {
    expect(formatDate('2026-08-17T20:00:00Z', 'id')).toBe('17 Agustus 2026');
    expect(formatDateTime('2026-08-17T20:05:09Z', 'id', { seconds: true })).toBe('17 Agustus 2026 pukul 20.05.09 UTC');
    expect(formatDateTime('2026-08-17T20:05:09Z', 'en')).toBe('17 August 2026, 20:05 UTC');
    expect(formatDateTimeShort('2026-05-01T00:00:00+07:00', 'id')).toBe('30 Apr 2026\n17.00 UTC');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('formats sizes', () => {
    expect(formatSize(999, 'id')).toBe('999 bita');
    expect(formatSize(1_234_567, 'id')).toBe('1,2 MB (1.234.567 bita)');
    expect(formatSize(1_234_567, 'en')).toBe('1.2 MB (1,234,567 bytes)');
  });

  it('groups a fingerprint by 4', () => {
    expect(groupFingerprint('ABCDEF0123456789'.repeat(4))).toEqual([
      'abcd ef01 2345 6789 abcd ef01 2345 6789',
      'abcd ef01 2345 6789 abcd ef01 2345 6789',
    ]);
  });

  it('names the package as PACKAGE-FORMAT.md does', () => {
    expect(packageName('JJK/2026/11 0042')).toBe('JJK-2026-11-0042');
  });

  it('translates known vocabulary and makes the rest readable', () => {
    expect(vocab('taken_down', { taken_down: 'Diturunkan' })).toBe('Diturunkan');
    expect(vocab('taken_down', {})).toBe('Taken down');
    expect(vocab('ISIS-linked', {})).toBe('ISIS-linked');
  });
});
