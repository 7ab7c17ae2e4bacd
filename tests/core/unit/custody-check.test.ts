import { describe, expect, it } from 'vitest';
import { type CustodyFacts, extendsChain } from '../../../electron/core/unit/custody-check';

const h = (n: number, fork = '') => `${fork}${n}`.padStart(64, '0');

function pkg(label: string, headSeq: number, seqs: number[], fork = ''): CustodyFacts {
  return {
    label,
    head: { seq: headSeq, hash: h(headSeq, fork) },
    entries: seqs.map((s) => ({ seq: s, hash: h(s, fork), prevHash: h(s - 1, fork) })),
  };
}

describe('custody across packages from one vault', () => {
  it('linked when the later excerpt holds the earlier head or the entry after it', () => {
    expect(extendsChain(pkg('a.zip', 10, [3, 10]), pkg('b.zip', 20, [10, 15])).status).toBe('linked');
    expect(extendsChain(pkg('a.zip', 10, [3]), pkg('b.zip', 20, [11, 15])).status).toBe('linked');
  });

  it('sequence when the later head is further on and the excerpts share nothing', () => {
    const v = extendsChain(pkg('a.zip', 10, [3]), pkg('b.zip', 20, [15]));
    expect(v.status).toBe('sequence');
    expect(v.detail).toMatch(/nothing contradicts it/);
  });

  it('truncated when the later export records an earlier head, naming both', () => {
    const v = extendsChain(pkg('a.zip', 30, [3]), pkg('b.zip', 12, [11]));
    expect(v.status).toBe('truncated');
    expect(v.detail).toMatch(/b\.zip records .* entry 12, but a\.zip, exported earlier .* entry 30/);
  });

  it('forked when an entry both name differs, or the entry after the earlier head does not link to it', () => {
    expect(extendsChain(pkg('a.zip', 10, [3, 7]), pkg('b.zip', 20, [7, 15], 'f')).status).toBe('forked');
    expect(extendsChain(pkg('a.zip', 10, [3]), pkg('b.zip', 20, [11], 'f')).status).toBe('forked');
    expect(extendsChain(pkg('a.zip', 10, [3]), pkg('b.zip', 10, [], 'f')).detail).toMatch(/different entries 10/);
  });
});
