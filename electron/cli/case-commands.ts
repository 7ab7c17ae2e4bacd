import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChannelId, parseOrThrow } from '../core/catalog/channels';
import { addItems, caseIdOf, createCase, getCase } from '../core/cases/cases';
import { getIdentity, groupedFingerprint, setIdentity } from '../core/identity/identity';
import { importRoster, readTrustFile } from '../core/trust/trust';
import type { VaultSession } from '../core/vault/session';
import { type CliContext, cliPolicy, flag, flagList } from './context';
import { withVault } from './vault-access';
import { VAULT_ROLES, type VaultRole } from '../common/identity-rules';
import { EXIT, UsageError } from './io';

export async function identityShow(ctx: CliContext): Promise<number> {
  const identity = await withVault(ctx, getIdentity);
  const { publicKeyPem: _pem, ...shown } = identity;
  const { t, word } = ctx.text;
  const notSet = t('cli.identity.notSet');
  const rows: Array<[string, string]> = [
    [t('cli.identity.name'), shown.name || notSet],
    [t('cli.identity.unit'), shown.unit || notSet],
    [t('cli.identity.employeeId'), shown.employeeId || '-'],
    [t('cli.identity.role'), word(`identity.role.${shown.role}`, shown.role)],
    [t('cli.identity.fingerprint'), groupedFingerprint(shown.fingerprint)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  ctx.out.data(identity, () => rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n'));
  return EXIT.ok;
}

export async function identitySet(ctx: CliContext): Promise<number> {
  const role = flag(ctx, 'role') ?? cliPolicy().vaultRole ?? 'analyst';
  if (!(VAULT_ROLES as readonly string[]).includes(role)) throw new UsageError('cli.roleValues');
  const name = flag(ctx, 'name');
  if (!name)
    throw new UsageError('cli.usage', { usage: 'identity set --name N --unit U --id I --role analyst|supervisor' });
  const identity = await withVault(ctx, (s) =>
    setIdentity(
      s,
      { name, unit: flag(ctx, 'unit') ?? '', employeeId: flag(ctx, 'id') ?? '', role: role as VaultRole },
      cliPolicy().vaultRole,
    ),
  );
  ctx.out.data(identity, () =>
    ctx.text.t('cli.identity.set', {
      name: identity.name,
      role: ctx.text.word(`identity.role.${identity.role}`, identity.role),
      fingerprint: groupedFingerprint(identity.fingerprint),
    }),
  );
  return EXIT.ok;
}

export async function identityExportPublic(ctx: CliContext): Promise<number> {
  const out = flag(ctx, 'out');
  const rosterOut = flag(ctx, 'roster');
  if (!out) throw new UsageError('cli.usage', { usage: 'identity export-public --out FILE [--roster ENTRY.json]' });
  const identity = await withVault(ctx, getIdentity);
  const { fingerprint, name, unit, role, ageRecipient } = identity;
  const rosterEntry = { fingerprint, name, unit, role, ageRecipient };
  writeFileSync(resolve(out), identity.publicKeyPem, { flag: 'wx' });
  // A list of one: `jejak trust import` takes the file as it is.
  if (rosterOut) writeFileSync(resolve(rosterOut), `${JSON.stringify([rosterEntry], null, 2)}\n`, { flag: 'wx' });
  const { t } = ctx.text;
  ctx.out.data(
    { out: resolve(out), fingerprint, ageRecipient, rosterEntry, ...(rosterOut ? { roster: resolve(rosterOut) } : {}) },
    () =>
      [
        t('cli.identity.exported', { path: resolve(out), fingerprint: groupedFingerprint(fingerprint) }),
        t('cli.identity.ageRecipient', { recipient: ageRecipient }),
        ...(rosterOut ? [t('cli.identity.rosterWritten', { path: resolve(rosterOut) })] : []),
      ].join('\n'),
  );
  return EXIT.ok;
}

export async function trustImport(ctx: CliContext): Promise<number> {
  const [file] = ctx.args;
  if (!file) throw new UsageError('cli.usage', { usage: 'trust import FILE' });
  const { entries } = readTrustFile(resolve(file));
  const added = await withVault(ctx, (s) => importRoster(s, entries));
  ctx.out.data({ added, entries: entries.length }, () =>
    ctx.text.t('cli.trust.imported', { entries: entries.length, added }),
  );
  return EXIT.ok;
}

export async function caseCreate(ctx: CliContext): Promise<number> {
  const title = ctx.args.join(' ');
  const platform = flag(ctx, 'platform');
  const priority = flag(ctx, 'priority') ?? 'normal';
  if (!title || !platform)
    throw new UsageError('cli.usage', {
      usage: 'case create TITLE --platform P [--priority urgent|normal] [--legal-basis TEXT]',
    });
  if (priority !== 'urgent' && priority !== 'normal') throw new UsageError('cli.priorityValues');
  const kase = await withVault(ctx, (s) =>
    createCase(s, cliPolicy(), { title, platform, priority, legalBasis: flag(ctx, 'legal-basis') }),
  );
  ctx.out.data(kase, () => kase.reference);
  return EXIT.ok;
}

/** The --channel (URL or id) and --evidence (id) options of case add and case remove, as ids. */
export function itemIdsFrom(ctx: CliContext, s: VaultSession): { channelIds: number[]; evidenceIds: number[] } {
  const channelIds = flagList(ctx, 'channel').map((c) => {
    if (/^\d+$/.test(c)) return Number(c);
    const found = findChannelId(s, parseOrThrow(c).key);
    if (found === undefined) throw new UsageError(`${c} is not catalogued; add it first with jejak channel add.`);
    return found;
  });
  const evidenceIds = flagList(ctx, 'evidence').map((e) => {
    if (!/^\d+$/.test(e)) throw new UsageError(`--evidence takes an item number; "${e}" is not one.`);
    return Number(e);
  });
  return { channelIds, evidenceIds };
}

export async function caseAdd(ctx: CliContext): Promise<number> {
  const [reference] = ctx.args;
  if (!reference) throw new UsageError('cli.usage', { usage: 'case add REF [--channel URL|ID]… [--evidence ID]…' });
  const kase = await withVault(ctx, (s) => {
    const id = caseIdOf(s, reference);
    const { channelIds, evidenceIds } = itemIdsFrom(ctx, s);
    addItems(s, id, channelIds, evidenceIds);
    return getCase(s, id);
  });
  ctx.out.data(kase, () =>
    [
      ctx.text.t('cli.case.items', {
        reference: kase.reference,
        channels: kase.channelIds.length,
        evidence: kase.evidenceIds.length,
      }),
      ...kase.seenBefore.map((s) =>
        ctx.text.t('cli.case.seenBefore', {
          item: `${ctx.text.t(`cli.kind.${s.kind}`)} #${s.itemId}`,
          reference: s.reference,
          status: ctx.text.word(`cases.status.${s.status}`, s.status),
        }),
      ),
    ].join('\n'),
  );
  return EXIT.ok;
}
