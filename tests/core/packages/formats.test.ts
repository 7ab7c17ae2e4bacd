import { describe, expect, it } from 'vitest';
import { formatBagInfo, formatBagSize, parseBagInfo } from '../../../electron/core/packages/bag-info';
import { formatManifest, parseManifest } from '../../../electron/core/packages/manifests';
import { inEnglish } from '../../../electron/core/packages/phrases';
import { parseStatement } from '../../../electron/core/packages/statement';
import { duplicateKey } from '../../../electron/core/packages/strict-json';

describe('bag-info.txt', () => {
  const input = {
    sourceOrganization: 'Unit',
    contactName: 'Ani',
    externalIdentifier: 'A/1',
    externalDescription: 'Two\nlines',
    platform: 'telegram',
    priority: 'normal',
    due: '2026-12-01T00:00:00Z',
    softwareAgent: 'jejak 0.1.0',
  };

  it('round-trips, folding a multi-line value onto one line', () => {
    const text = formatBagInfo(input, { octets: 1_234_567, count: 3 }, new Date('2026-11-28T23:59:59Z'));
    const { fields, problems } = parseBagInfo(text);
    expect(problems).toEqual([]);
    expect(fields).toMatchObject({
      'External-Description': 'Two lines',
      'Payload-Oxum': '1234567.3',
      'Bag-Size': '1.2 MB',
      'Bagging-Date': '2026-11-28',
      'Jejak-Format': '2',
    });
  });

  it('reads continuation lines and reports duplicates and missing labels', () => {
    const { fields, problems } = parseBagInfo(
      'Contact-Name: Ani\n  Analis\nContact-Name: again\n__proto__: x\nno colon here\n',
    );
    expect(fields['Contact-Name']).toBe('again');
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    const said = problems.map(inEnglish);
    expect(said).toContain('bag-info.txt has Contact-Name twice');
    expect(said).toContain('bag-info.txt line 5 is not "Label: value"');
    expect(said).toContain('bag-info.txt has no Payload-Oxum');
  });

  it('sizes in decimal units', () => {
    expect([0, 999, 1000, 260e9].map(formatBagSize)).toEqual(['0 bytes', '999 bytes', '1.0 KB', '260.0 GB']);
  });
});

describe('manifests', () => {
  it('round-trip and refuse malformed lines and duplicates', () => {
    const hash = 'ab'.repeat(32);
    expect(
      parseManifest(formatManifest([{ hash, path: 'data/a b.txt' }]), 'sha256', 'm').hashes.get('data/a b.txt'),
    ).toBe(hash);
    const { problems } = parseManifest(`${hash}  data/a\n${hash}  data/a\nzz  data/b\n`, 'sha256', 'm');
    expect(problems.map(inEnglish)).toEqual(['m lists data/a twice', 'm line 3 is not "<sha256 hex>  <path>"']);
    expect(parseManifest(`${hash}  data/a\r\n`, 'sha256', 'm').problems).toEqual([]);
  });
});

describe('statements', () => {
  const valid = {
    format: 'jejak-signature/2',
    role: 'analyst',
    decision: 'submitted',
    comment: '',
    signer: { name: 'a', unit: 'u', id: 'i', fingerprint: 'f'.repeat(64) },
    signedAt: '2026-11-28T04:00:00Z',
    bag: { externalIdentifier: 'A/1', tagmanifestSha256: '0'.repeat(64) },
    covers: [],
  };
  /** '' for a statement that parses, else what is wrong with it, in English */
  const refused = (bytes: Buffer) => {
    const parsed = parseStatement(bytes);
    return 'key' in parsed ? inEnglish(parsed) : '';
  };
  const parse = (v: unknown) => refused(Buffer.from(`${JSON.stringify(v, null, 2)}\n`));
  it('accepts the format and refuses anything else', () => {
    expect(parse(valid)).toBe('');
    expect(
      parse({
        ...valid,
        role: 'supervisor',
        decision: 'approved',
        review: [{ file: 'data/a', verdict: 'ok', comment: '' }],
      }),
    ).toBe('');
    expect(parse({ ...valid, format: 'jejak-signature/1' })).toContain('format');
    expect(parse({ ...valid, extra: 1 })).toContain('exactly the fields');
    expect(parse({ ...valid, signedAt: '2026-11-28T04:00:00.000Z' })).toContain('signedAt');
    expect(parse({ ...valid, signedAt: '2026-02-30T04:00:00Z' })).toContain('signedAt');
    expect(parse({ ...valid, covers: ['x'] })).toContain('covers');
    expect(
      parse({ ...valid, role: 'supervisor', review: [{ file: 'data/a', verdict: 'maybe', comment: '' }] }),
    ).toContain('review');
    expect(parse({ ...valid, review: [] })).toContain('only a supervisor');
    expect(refused(Buffer.from([0xff]))).toContain('UTF-8');
  });
});

describe('duplicateKey', () => {
  it('finds the first key an object holds twice, by its path, and nothing else', () => {
    expect(duplicateKey('{"a":1,"b":{"a":2}}')).toBeNull();
    expect(duplicateKey('{"r":[{"f":1},{"f":2}],"s":"{\\"f\\":1,\\"f\\":2}"}')).toBeNull();
    expect(duplicateKey('{"a":1,"a":2}')).toBe('a');
    expect(duplicateKey('{"b":{"c":[1,{"d":1,"d":2}]}}')).toBe('b.c[].d');
    expect(duplicateKey('{"a":"\\\\","a":1}')).toBe('a');
    expect(duplicateKey('{"x":"}{","b":1,"\\u0062":2}')).toBe('b');
    expect(duplicateKey('[{"a":1},{"a":1,"a":2}]')).toBe('[].a');
  });
});
