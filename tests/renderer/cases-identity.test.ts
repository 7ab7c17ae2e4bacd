import { describe, expect, it } from 'vitest';
import { groupFingerprint, publicKeyFileName, rosterEntryJson } from '../../renderer/features/identity/fingerprint';

const FP = '0123456789abcdef'.repeat(4);

describe('fingerprints', () => {
  it('groups 64 hex digits into sixteen groups of four', () => {
    const grouped = groupFingerprint(FP.toUpperCase());
    expect(grouped.split(' ')).toHaveLength(16);
    expect(grouped.startsWith('0123 4567 89ab cdef 0123')).toBe(true);
    expect(groupFingerprint('')).toBe('');
  });

  it('names a public key file after its owner, safely', () => {
    expect(publicKeyFileName('Rina Wulandari', FP)).toBe('rina-wulandari-0123456789abcdef.pem');
    expect(publicKeyFileName('../../etc/passwd', FP)).toBe('etc-passwd-0123456789abcdef.pem');
    expect(publicKeyFileName('Łukasz Ñúñez', FP)).toBe('ukasz-nunez-0123456789abcdef.pem');
    expect(publicKeyFileName('', FP)).toBe('jejak-0123456789abcdef.pem');
  });

  it('writes a roster entry that the trust import reads', () => {
    const parsed = JSON.parse(rosterEntryJson({ fingerprint: FP, name: 'Rina', unit: 'Unit', role: 'analyst' }));
    expect(parsed).toEqual([{ fingerprint: FP, name: 'Rina', unit: 'Unit', role: 'analyst' }]);
    const age = 'age1' + 'q'.repeat(58);
    expect(
      JSON.parse(rosterEntryJson({ fingerprint: FP, name: 'Rina', unit: 'Unit', role: 'analyst', ageRecipient: age })),
    ).toEqual([{ fingerprint: FP, name: 'Rina', unit: 'Unit', role: 'analyst', ageRecipient: age }]);
  });
});
