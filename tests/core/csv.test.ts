import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../electron/core/csv';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and LF, empty fields and a missing last line end', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""",\n1,,3')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', ''],
      ['1', '', '3'],
    ]);
    expect(parseCsv('"line\nbreak",2\n')).toEqual([['line\nbreak', '2']]);
    expect(parseCsv('a,\n\n,\nlast,')).toEqual([
      ['a', ''],
      ['last', ''],
    ]);
    expect(parseCsv('mid"quote,"open')).toEqual([['mid"quote', 'open']]);
    expect(parseCsv('\r\n')).toEqual([]);
  });
});
