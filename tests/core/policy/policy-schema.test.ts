import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPolicyPath, loadPolicy } from '../../../electron/core/policy/policy';
import { tempDir } from '../../fixtures/temp';

const EXAMPLE = join(process.cwd(), 'resources', 'policy.example.json');

function x25519Pem(): string {
  return generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

function writePolicy(content: unknown): string {
  const path = join(tempDir(), 'policy.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function problemsOf(content: unknown): string {
  try {
    loadPolicy(writePolicy(content));
  } catch (e) {
    expect(e).toMatchObject({ code: 'POLICY_INVALID' });
    return (e as Error).message;
  }
  throw new Error('the policy was accepted');
}

const example = () => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;

/** An archive key's recipient and a TSA root, as IT would make them. */
function ageRecipient(): string {
  const key = join(tempDir(), 'archive.txt');
  execFileSync('age-keygen', ['-o', key], { stdio: 'ignore' });
  return execFileSync('age-keygen', ['-y', key], { encoding: 'utf8' }).trim();
}
function certificatePem(): string {
  const dir = tempDir();
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      join(dir, 'k'),
      '-out',
      join(dir, 'c'),
      '-subj',
      '/CN=TSA Root',
      '-days',
      '30',
    ],
    { stdio: 'ignore' },
  );
  return readFileSync(join(dir, 'c'), 'utf8');
}

describe('machine policy schema', () => {
  it('ships an example naming every field, valid once IT puts in its own keys', () => {
    const shipped = example();
    expect(Object.keys(shipped).sort()).toEqual(
      [
        'allowedExportFolders',
        'autoLockMinutes',
        'backupFolder',
        'backupReminderDays',
        'categories',
        'dueHours',
        'escrowPublicKey',
        'exportRecipients',
        'kdf',
        'legalBasisPresets',
        'minPassphraseStrength',
        'notice',
        'referencePattern',
        'trustRoster',
        'tsaRoots',
        'unitName',
      ].sort(),
    );
    // The shipped placeholders are deliberately not keys: deployed unchanged, Jejak refuses to start
    // rather than wrap every vault, or encrypt every package, for a key nobody holds.
    const message = problemsOf(shipped);
    expect(message).toMatch(/escrowPublicKey: must be an X25519 public key/);
    expect(message).toMatch(/exportRecipients\.0: must be an age X25519 recipient/);
    expect(message).toMatch(/tsaRoots\.0: must be one X\.509 certificate in PEM form/);
    expect(/is invalid: (.*)\. Ask IT/.exec(message)![1]!.split('; ')).toHaveLength(3);
    const loaded = loadPolicy(
      writePolicy({
        ...shipped,
        escrowPublicKey: x25519Pem(),
        exportRecipients: [ageRecipient()],
        tsaRoots: [certificatePem()],
      }),
    );
    expect(loaded.present).toBe(true);
    expect(loaded.policy.unitName).toBe(shipped.unitName);
  });

  it.each<[string, unknown]>([
    ['unitName', ''],
    ['unitName', 42],
    ['trustRoster', [{ fingerprint: 'ABC', name: 'x', unit: 'y', role: 'analyst' }]],
    ['trustRoster', [{ fingerprint: 'a'.repeat(64), name: 'x', unit: 'y', role: 'boss' }]],
    ['categories', []],
    ['categories', ['hoaks', 'hoaks']],
    ['legalBasisPresets', ['']],
    ['referencePattern', 'JJK/{yyyy}/{mm}'],
    ['referencePattern', 'JJK/{seq4}/{seq2}'],
    ['referencePattern', 'JJK/{year}/{seq4}'],
    ['dueHours', { urgent: 0, normal: 72 }],
    ['dueHours', { urgent: 4 }],
    ['autoLockMinutes', 0],
    ['autoLockMinutes', 2.5],
    ['minPassphraseStrength', 5],
    ['kdf', { name: 'scrypt', N: 1000, r: 8, p: 1 }],
    ['kdf', { name: 'argon2id', N: 16384, r: 8, p: 1 }],
    ['escrowPublicKey', 'not a key'],
    ['escrowPublicKey', generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString()],
    ['allowedExportFolders', []],
    ['allowedExportFolders', ['exports']],
    ['notice', { contactEmail: 'aduan di kominfo' }],
    ['notice', { contactEmail: 'aduan@-kominfo.go.id' }],
    ['notice', { preservationDays: -1 }],
    ['notice', { organisation: '' }],
    ['notice', { replyTo: 'aduan@kominfo.go.id' }],
    ['exportRecipients', []],
    ['exportRecipients', ['age1notarecipient']],
    ['exportRecipients', ['age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs0000000']],
    ['tsaRoots', []],
    ['tsaRoots', ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n']],
    ['trustRoster', [{ fingerprint: 'a'.repeat(64), name: 'x', unit: 'y', role: 'analyst', ageRecipient: 'age1' }]],
  ])('rejects a bad %s (%j) with a message naming it', (field, value) => {
    expect(problemsOf({ [field]: value })).toMatch(new RegExp(`invalid: ${field}(\\.|:)`));
  });

  it('rejects unknown keys, so a typo is not silently ignored', () => {
    expect(problemsOf({ unitname: 'Direktorat' })).toMatch(/unitname/);
    expect(problemsOf({ autoLock: 5 })).toMatch(/autoLock/);
  });

  it('says when the file is not JSON, and runs on defaults when there is no file', () => {
    expect(problemsOf('{ "unitName": "x", }')).toMatch(/not valid JSON/);
    expect(loadPolicy(join(tempDir(), 'absent.json'))).toMatchObject({ present: false, policy: {} });
  });

  it('accepts absolute export folders of either OS', () => {
    expect(
      loadPolicy(writePolicy({ allowedExportFolders: ['D:\\Ekspor', '\\\\fileserver\\takedown', '/srv/ekspor'] }))
        .policy.allowedExportFolders,
    ).toHaveLength(3);
  });

  it('is looked for where IT puts it on each OS, or where JEJAK_POLICY says', () => {
    expect(defaultPolicyPath('linux', {})).toBe('/etc/jejak/policy.json');
    expect(defaultPolicyPath('win32', {})).toBe('C:\\ProgramData\\Jejak\\policy.json');
    expect(defaultPolicyPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Jejak\\policy.json');
    expect(defaultPolicyPath('darwin', {})).toBe('/Library/Application Support/Jejak/policy.json');
    expect(defaultPolicyPath('linux', { JEJAK_POLICY: '/tmp/p.json' })).toBe('/tmp/p.json');
  });
});
