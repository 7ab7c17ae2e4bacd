import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkRecipients,
  isAgeRecipient,
  newAgeIdentity,
  parseIdentityFile,
  recipientOf,
} from '../../../electron/core/age/age-keys';
import { ageKeygen } from '../../fixtures/age';
import { tempDir } from '../../fixtures/temp';

describe('age keys', () => {
  it('reads an identity file as age-keygen writes it, and gives the recipient age-keygen -y gives', async () => {
    const key = ageKeygen(tempDir());
    expect(readFileSync(key.keyFile, 'utf8')).toMatch(/^# created: /);
    expect(await recipientOf(key.identity)).toBe(key.recipient);
    const mine = await newAgeIdentity();
    expect(isAgeRecipient(await recipientOf(mine))).toBe(true);
  });

  it('refuses what is not an X25519 identity or recipient, by name', () => {
    expect(() => parseIdentityFile('# only a comment\n')).toThrow(/holds no age secret key/);
    expect(() => parseIdentityFile('-----BEGIN PRIVATE KEY-----\n')).toThrow(/not an age X25519 secret key/);
    // a changed character breaks the bech32 checksum
    const key = ageKeygen(tempDir());
    const bad = `${key.recipient.slice(0, -1)}${key.recipient.endsWith('q') ? 'p' : 'q'}`;
    expect(isAgeRecipient(bad)).toBe(false);
    expect(isAgeRecipient('age1pq1' + 'q'.repeat(60))).toBe(false);
    expect(() => checkRecipients([key.recipient, bad])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(checkRecipients([key.recipient, key.recipient])).toEqual([key.recipient]);
    expect(() => checkRecipients(['ssh-ed25519 AAAA'])).toThrow(/is not an age X25519 recipient/);
  });
});
