import { statSync, writeFileSync } from 'node:fs';
import { beforePackageWrite, knownPackageFolders } from '../core/app/partial-sweep';
import { resolve } from 'node:path';
import { findChannelId, parseOrThrow } from '../core/catalog/channels';
import { addItems, caseIdOf, createCase, getCase } from '../core/cases/cases';
import { exportCase } from '../core/cases/export-case';
import { getIdentity, groupedFingerprint, setIdentity } from '../core/identity/identity';
import { importRoster, readRosterFile } from '../core/identity/trust';
import { verifyFolder, verifyPackage, type VerifyResult } from '../core/packages';
import type { VaultSession } from '../core/vault/session';
import { type CliContext, cliPolicy, flag, flagList, resourcesDir, withVault } from './context';
import { EXIT, UsageError } from './io';
import pkg from '../../package.json' with { type: 'json' };

export async function identityShow(ctx: CliContext): Promise<number> {
  const identity = await withVault(ctx, getIdentity);
  const { publicKeyPem: _pem, ...shown } = identity;
  ctx.out.data(identity, () => [`Name         ${shown.name || '(not set)'}`, `Unit         ${shown.unit || '(not set)'}`, `Employee ID  ${shown.employeeId || '-'}`, `Role         ${shown.role}`, `Fingerprint  ${groupedFingerprint(shown.fingerprint)}`].join('\n'));
  return EXIT.ok;
}

export async function identitySet(ctx: CliContext): Promise<number> {
  const role = flag(ctx, 'role') ?? 'analyst';
  if (role !== 'analyst' && role !== 'supervisor') throw new UsageError('--role is analyst or supervisor.');
  const name = flag(ctx, 'name');
  if (!name) throw new UsageError('Usage: jejak identity set --name N --unit U --id I --role analyst|supervisor');
  const identity = await withVault(ctx, (s) => setIdentity(s, { name, unit: flag(ctx, 'unit') ?? '', employeeId: flag(ctx, 'id') ?? '', role }));
  ctx.out.data(identity, () => `Identity set: ${identity.name} (${identity.role}), fingerprint ${groupedFingerprint(identity.fingerprint)}`);
  return EXIT.ok;
}

export async function identityExportPublic(ctx: CliContext): Promise<number> {
  const out = flag(ctx, 'out');
  if (!out) throw new UsageError('Usage: jejak identity export-public --out FILE');
  const identity = await withVault(ctx, getIdentity);
  writeFileSync(resolve(out), identity.publicKeyPem, { flag: 'wx' });
  ctx.out.data({ out: resolve(out), fingerprint: identity.fingerprint }, () => `Wrote the public key to ${resolve(out)} (fingerprint ${groupedFingerprint(identity.fingerprint)}).`);
  return EXIT.ok;
}

export async function trustImport(ctx: CliContext): Promise<number> {
  const [file] = ctx.args;
  if (!file) throw new UsageError('Usage: jejak trust import FILE');
  const entries = readRosterFile(resolve(file));
  const added = await withVault(ctx, (s) => importRoster(s, entries));
  ctx.out.data({ added, entries: entries.length }, () => `Imported ${entries.length} roster entries (${added} new).`);
  return EXIT.ok;
}

export async function caseCreate(ctx: CliContext): Promise<number> {
  const title = ctx.args.join(' ');
  const platform = flag(ctx, 'platform');
  const priority = flag(ctx, 'priority') ?? 'normal';
  if (!title || !platform) throw new UsageError('Usage: jejak case create TITLE --platform P [--priority urgent|normal] [--legal-basis TEXT]');
  if (priority !== 'urgent' && priority !== 'normal') throw new UsageError('--priority is urgent or normal.');
  const kase = await withVault(ctx, (s) => createCase(s, cliPolicy(), { title, platform, priority, legalBasis: flag(ctx, 'legal-basis') }));
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
  if (!reference) throw new UsageError('Usage: jejak case add REF [--channel URL|ID]… [--evidence ID]…');
  const kase = await withVault(ctx, (s) => {
    const id = caseIdOf(s, reference);
    const { channelIds, evidenceIds } = itemIdsFrom(ctx, s);
    addItems(s, id, channelIds, evidenceIds);
    return getCase(s, id);
  });
  ctx.out.data(kase, () => `${kase.reference}: ${kase.channelIds.length} channels, ${kase.evidenceIds.length} evidence items.`);
  return EXIT.ok;
}

export async function caseExport(ctx: CliContext): Promise<number> {
  const [reference] = ctx.args;
  const out = flag(ctx, 'out');
  if (!reference || !out) throw new UsageError('Usage: jejak case export REF --out FILE.zip');
  const language = flag(ctx, 'language') === 'en' ? 'en' : 'id';
  const result = await withVault(ctx, (s) => {
    beforePackageWrite(s, resolve(out), knownPackageFolders(ctx.vaultDir, cliPolicy()));
    return exportCase(s, cliPolicy(), caseIdOf(s, reference), resolve(out), { language, resourcesDir: resourcesDir(), version: pkg.version });
  });
  ctx.out.data(result, () => `Wrote ${result.path} (${result.bytes} bytes); tag manifest SHA-256 ${result.tagmanifestSha256}.`);
  return EXIT.ok;
}

function verdictText(result: VerifyResult): string {
  return [
    `Verdict: ${result.verdict}`,
    ...result.checks.map((c) => `  ${c.ok ? 'pass' : 'FAIL'}  ${c.id}${c.detail ? ` — ${c.detail}` : ''}`),
    ...result.statements.map((s) => `  signed: ${s.role} ${s.decision} by ${s.signer.name} (${s.signer.fingerprint.slice(0, 16)}…) ${s.trusted ? 'trusted' : 'not in roster'}`),
    `  ${result.trustDetail}`,
  ].join('\n');
}

export async function verify(ctx: CliContext): Promise<number> {
  const [file] = ctx.args;
  if (!file) throw new UsageError('Usage: jejak verify FILE.zip|FOLDER [--trust ROSTER] [--json]');
  const trust = flag(ctx, 'trust');
  const roster = trust ? readRosterFile(resolve(trust)) : (cliPolicy().trustRoster ?? []);
  // A folder is a bag that was already unzipped: the folder itself, holding bagit.txt.
  const isFolder = statSync(resolve(file), { throwIfNoEntry: false })?.isDirectory() ?? false;
  const result = await (isFolder ? verifyFolder : verifyPackage)(resolve(file), { roster });
  const { report: _report, ...shown } = result;
  ctx.out.data(shown, () => verdictText(result));
  return result.verdict === 'valid-trusted' ? EXIT.ok : result.verdict === 'valid-untrusted' ? EXIT.untrusted : EXIT.checkFailed;
}
