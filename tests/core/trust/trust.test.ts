import { describe, expect, it } from 'vitest';
import { getIdentity, groupedFingerprint, setIdentity, vaultSigner } from '../../../electron/core/identity/identity';
import { effectiveRoster, importRoster, parseRoster } from '../../../electron/core/trust/trust';
import { newVault } from '../../fixtures/temp';

describe('identity and trust roster', () => {
  it('gives each vault its own Ed25519 key, shown in groups of four', async () => {
    const a = await newVault();
    const b = await newVault();
    const fa = getIdentity(a.session).fingerprint;
    expect(fa).toMatch(/^[0-9a-f]{64}$/);
    expect(fa).not.toBe(getIdentity(b.session).fingerprint);
    expect(groupedFingerprint(fa).split(' ')).toHaveLength(16);
    expect(() => vaultSigner(a.session)).toThrow(/Set your name and unit/);
    setIdentity(a.session, { name: 'Sari', unit: 'Unit', employeeId: 'N-1', role: 'analyst' });
    expect(a.session.actor).toBe('Sari (N-1)');
    expect(vaultSigner(a.session).fingerprint).toBe(fa);
    a.session.close('t');
    b.session.close('t');
  });

  it('keeps one key trusted in both roles, and merges the policy roster first', async () => {
    const { session } = await newVault();
    const fp = 'a'.repeat(64);
    const entries = parseRoster([
      { fingerprint: fp, name: 'Budi', unit: 'U', role: 'analyst' },
      { fingerprint: fp, name: 'Budi', unit: 'U', role: 'supervisor' },
    ]);
    expect(importRoster(session, entries)).toBe(2);
    expect(importRoster(session, entries)).toBe(0);
    const roster = effectiveRoster(session, {
      trustRoster: [{ fingerprint: 'b'.repeat(64), name: 'IT', unit: 'U', role: 'supervisor' }],
    });
    expect(roster.map((e) => [e.fingerprint[0], e.role, e.source])).toEqual([
      ['b', 'supervisor', 'policy'],
      ['a', 'analyst', 'vault'],
      ['a', 'supervisor', 'vault'],
    ]);
    expect(() => parseRoster([{ fingerprint: 'xyz', name: 'n', unit: 'u', role: 'analyst' }])).toThrow(/fingerprint/);
    session.close('t');
  });
});
