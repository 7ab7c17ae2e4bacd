// The vault a package bench exports from: the bench's analyst, its channels, and one case of files taken in.
import { addOrFindChannel } from '../../electron/core/catalog/channels';
import { createCase } from '../../electron/core/cases/cases';
import { intakeFile } from '../../electron/core/evidence/intake';
import { setIdentity } from '../../electron/core/identity/identity';
import { createVault } from '../../electron/core/vault/vault';

export const BENCH_PASSPHRASE = 'benchmark passphrase with several words';

/**
 * Creates the vault at `vaultDir` (closed again after), takes in `files` as they come, and makes them
 * one case. With more than one channel, the files go to each in turn, every second one taken from a
 * post of its channel (the notice then lists that post as an item of its own).
 */
export async function benchCaseVault(
  vaultDir: string,
  title: string,
  files: Iterable<string> | AsyncIterable<string>,
  channels = 1,
): Promise<{ reference: string }> {
  const { session } = await createVault(vaultDir, BENCH_PASSPHRASE, {
    actor: 'bench',
    // The least a vault made by Jejak has (calibrateKdf). Below it, scrypt's block (16 MiB at 2^14)
    // is the largest the process ever frees, glibc then serves every allocation up to that size from
    // memory it keeps, and a 10,000-item export peaked 16-26 MiB higher than from any such vault.
    kdf: { name: 'scrypt', N: 2 ** 15, r: 8, p: 1 },
    allowAnonymous: true,
  });
  try {
    setIdentity(session, { name: 'Bench Analyst', unit: 'Bench Unit', employeeId: 'B-1', role: 'analyst' });
    const handles = Array.from({ length: channels }, (_, i) => (i === 0 ? 'bench_channel' : `bench_channel_${i}`));
    const channelIds = handles.map(
      (handle, i) => addOrFindChannel(session, {}, { url: `t.me/${handle}`, title: `Bench ${i}` }).id,
    );
    const evidenceIds: number[] = [];
    for await (const path of files) {
      const n = evidenceIds.length;
      const at = n % channels;
      const post = channels > 1 && n % 2 === 1 ? { sourceUrl: `https://t.me/${handles[at]}/${n + 1}` } : {};
      evidenceIds.push((await intakeFile(session, {}, path, { channelId: channelIds[at], ...post })).evidenceId);
    }
    const kase = createCase(session, {}, { title, platform: 'telegram', channelIds, evidenceIds });
    return { reference: kase.reference };
  } finally {
    session.close('bench');
  }
}
