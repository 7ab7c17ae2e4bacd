import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { intakeFile } from '../../electron/core/evidence/intake';
import { createVault } from '../../electron/core/vault/vault';
import { execFileSync } from 'node:child_process';
const dir = mkdtempSync('/tmp/jejak-intake-');
const files: string[] = [];
mkdirSync(join(dir, 'f'));
for (let i = 0; i < 200; i++) { const raw = Buffer.alloc(720*480*3, 245); randomBytes(720*150*3).copy(raw, 720*120*3); const f = join(dir, 'f', `s${i}.png`); writeFileSync(f, await sharp(raw, { raw: { width: 720, height: 480, channels: 3 } }).png().toBuffer()); files.push(f); }
let a = performance.now(); execFileSync('openssl', ['dgst', '-sha256', ...files]); const base = performance.now() - a;
a = performance.now(); execFileSync('openssl', ['dgst', '-sha256', ...files]); const base2 = performance.now() - a;
const { session } = await createVault(join(dir, 'v'), 'benchmark passphrase with several words', { actor: 'b', kdf: { name: 'scrypt', N: 1024, r: 8, p: 1 } });
a = performance.now();
for (const f of files) await intakeFile(session, {}, f, {}, { analyze: false });
const ms = performance.now() - a;
console.log('openssl', base2.toFixed(0), 'raw intake', ms.toFixed(0), 'ratio', (ms / base2).toFixed(1), 'per file', (ms / 200).toFixed(2));
session.close('b');
