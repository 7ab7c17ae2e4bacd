// A case of many small pictures exported as a whole `jejak` process: what grows with the number of
// items (report, notice, custody, the PDF's pages) and not with the bytes. Issue 11 asks for peak RSS
// ≤ 200 MiB at any case size, and no main-thread stall over 50 ms.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { addOrFindChannel } from '../../electron/core/catalog/channels';
import { createCase } from '../../electron/core/cases/cases';
import { intakeFile } from '../../electron/core/evidence/intake';
import { setIdentity } from '../../electron/core/identity/identity';
import { createVault } from '../../electron/core/vault/vault';
import { cliStep, stallText } from './_cli-step';
import { loadText } from './_measure';

const PASSPHRASE = 'benchmark passphrase with several words';

/** Makes a vault with `items` distinct 48×48 pictures in one case, exports it, and prints what it took. */
export async function largeCaseExport(items: number): Promise<void> {
  if (items <= 0) return;
  const dir = mkdtempSync(join(tmpdir(), 'jejak-bench-large-'));
  try {
    const files = join(dir, 'files');
    mkdirSync(files);
    const { session } = await createVault(join(dir, 'vault'), PASSPHRASE, {
      actor: 'bench',
      kdf: { name: 'scrypt', N: 2 ** 14, r: 8, p: 1 },
      allowAnonymous: true,
    });
    setIdentity(session, { name: 'Bench Analyst', unit: 'Bench Unit', employeeId: 'B-1', role: 'analyst' });
    const channel = addOrFindChannel(session, {}, { url: 't.me/bench_channel', title: 'Bench' }).id;
    const evidenceIds: number[] = [];
    for (let i = 0; i < items; i++) {
      const path = join(files, `shot-${i}.png`);
      const raw = randomBytes(48 * 48 * 3);
      writeFileSync(
        path,
        await sharp(raw, { raw: { width: 48, height: 48, channels: 3 } })
          .png()
          .toBuffer(),
      );
      evidenceIds.push((await intakeFile(session, {}, path, { channelId: channel })).evidenceId);
    }
    const kase = createCase(
      session,
      {},
      { title: 'Large case', platform: 'telegram', channelIds: [channel], evidenceIds },
    );
    session.close('bench');
    const zip = join(dir, 'case.zip');
    const exported = cliStep(['--vault', join(dir, 'vault'), 'case', 'export', kase.reference, '--out', zip], {
      JEJAK_PASSPHRASE: PASSPHRASE,
    });
    console.log(
      `jejak case export, ${items} small pictures  ${exported.ms.toFixed(0)} ms   peak RSS ${exported.maxRssMiB} MiB (aim ≤ 200 at any case size)`,
    );
    console.log(`longest main-thread stall, that export: ${stallText(exported)}   aim ≤ 50 ms   load ${loadText()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
