import { getChannel } from '../core/catalog/channels';
import { type ExcludableKind, excludeItem, restoreItem } from '../core/catalog/exclusion';
import { getEvidence } from '../core/evidence/evidence-repo';
import { purgeEvidence } from '../core/evidence/purge';
import type { VaultSession } from '../core/vault/session';
import { type CliContext, flag } from './context';
import { withVault } from './vault-access';
import { EXIT, UsageError } from './io';

function itemId(ctx: CliContext, usage: string): number {
  const [id, ...rest] = ctx.args;
  if (!id || !/^\d+$/.test(id) || rest.length > 0) throw new UsageError(`Usage: jejak ${usage}`);
  return Number(id);
}

const detailOf = (s: VaultSession, kind: ExcludableKind, id: number) =>
  kind === 'channel' ? getChannel(s, id) : getEvidence(s, id);

function exclude(kind: ExcludableKind) {
  return async (ctx: CliContext): Promise<number> => {
    const usage = `${kind} exclude ID --reason TEXT`;
    const id = itemId(ctx, usage);
    const reason = flag(ctx, 'reason');
    if (!reason?.trim()) throw new UsageError(`Usage: jejak ${usage} (the reason is kept with the item)`);
    const item = await withVault(ctx, (s) => {
      excludeItem(s, kind, id, reason);
      return detailOf(s, kind, id);
    });
    ctx.out.data(
      item,
      () =>
        `Excluded ${kind} #${id}: hidden from lists, search and new cases, kept in the vault. Restore with jejak ${kind} restore ${id}.`,
    );
    return EXIT.ok;
  };
}

function restore(kind: ExcludableKind) {
  return async (ctx: CliContext): Promise<number> => {
    const id = itemId(ctx, `${kind} restore ID`);
    const item = await withVault(ctx, (s) => {
      restoreItem(s, kind, id);
      return detailOf(s, kind, id);
    });
    ctx.out.data(item, () => `Restored ${kind} #${id}.`);
    return EXIT.ok;
  };
}

export const channelExclude = exclude('channel');
export const channelRestore = restore('channel');
export const evidenceExclude = exclude('evidence');
export const evidenceRestore = restore('evidence');

export async function evidencePurge(ctx: CliContext): Promise<number> {
  const id = itemId(ctx, 'evidence purge ID');
  const result = await withVault(ctx, (s) => purgeEvidence(s, id));
  ctx.out.data(
    result,
    () =>
      `Purged evidence #${id} (SHA-256 ${result.sha256})${result.blobRemoved ? '; its original was removed from the vault' : ''}.`,
  );
  return EXIT.ok;
}
