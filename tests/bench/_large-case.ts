// A case of many small pictures in many channels exported as a whole `jejak` process: what grows with
// the number of items and channels (report, notice and its record, custody, the PDF's pages) and not
// with the bytes. Issue 11 asks for peak RSS ≤ 200 MiB at any case size, and no main-thread stall
// over 50 ms.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { BENCH_PASSPHRASE, benchCaseVault } from './_case-vault';
import { cliStep, stallText } from './_cli-step';
import { loadText } from './_measure';

/**
 * Makes a vault with `items` distinct 48×48 pictures in one case of `channels` channels (half of the
 * pictures taken from posts), exports it, and prints what it took.
 */
export async function largeCaseExport(items: number, channels: number): Promise<void> {
  if (items <= 0) return;
  const dir = mkdtempSync(join(tmpdir(), 'jejak-bench-large-'));
  try {
    const files = join(dir, 'files');
    mkdirSync(files);
    const pictures = async function* () {
      for (let i = 0; i < items; i++) {
        const path = join(files, `shot-${i}.png`);
        const raw = randomBytes(48 * 48 * 3);
        writeFileSync(
          path,
          await sharp(raw, { raw: { width: 48, height: 48, channels: 3 } })
            .png()
            .toBuffer(),
        );
        yield path;
      }
    };
    const kase = await benchCaseVault(join(dir, 'vault'), 'Large case', pictures(), channels);
    const zip = join(dir, 'case.zip');
    const exported = cliStep(['--vault', join(dir, 'vault'), 'case', 'export', kase.reference, '--out', zip], {
      JEJAK_PASSPHRASE: BENCH_PASSPHRASE,
    });
    console.log(
      `jejak case export, ${items} small pictures in ${channels} channels  ${exported.ms.toFixed(0)} ms   peak RSS ${exported.maxRssMiB} MiB (aim ≤ 200 at any case size)`,
    );
    console.log(`longest main-thread stall, that export: ${stallText(exported)}   aim ≤ 50 ms   load ${loadText()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
