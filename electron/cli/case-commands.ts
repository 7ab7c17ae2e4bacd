import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforePackageWrite } from '../core/app/partial-sweep';
import { findChannelId, parseOrThrow } from '../core/catalog/channels';
import { addItems, caseIdOf, createCase, getCase } from '../core/cases/cases';
import { exportCase } from '../core/cases/export-case';
import { getIdentity, groupedFingerprint, setIdentity } from '../core/identity/identity';
import { importRoster, readTrustFile } from '../core/trust/trust';
import { verifyFolder, verifyPackage, type VerifyResult } from '../core/packages';
import type { VaultSession } from '../core/vault/session';
import { type CliContext, cliPolicy, flag, flagList, withVault } from './context';
import { ageIdentities, trustFrom } from './package-inputs';
import type { CliText } from './i18n';
import { resourcesDir } from './locations';
import { VAULT_ROLES, type VaultRole } from '../common/identity-rules';
import { EXIT, UsageError } from './io';
import pkg from '../../package.json' with { type: 'json' };

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

export async function caseExport(ctx: CliContext): Promise<number> {
  const [reference] = ctx.args;
  const out = flag(ctx, 'out');
  if (!reference || !out)
    throw new UsageError('cli.usage', { usage: 'case export REF --out FILE.zip|FILE.zip.age [--recipient age1…]…' });
  const language = flag(ctx, 'language') === 'en' ? 'en' : 'id';
  const recipients = flagList(ctx, 'recipient');
  const policy = cliPolicy();
  const result = await withVault(ctx, (s) => {
    beforePackageWrite(s, resolve(out), policy);
    return exportCase(s, policy, caseIdOf(s, reference), resolve(out), {
      language,
      resourcesDir: resourcesDir(),
      version: pkg.version,
      recipients,
    });
  });
  const { t } = ctx.text;
  const sealed = result.recipients.length > 0 ? ` ${t('cli.case.sealedFor', { count: result.recipients.length })}` : '';
  ctx.out.data(
    result,
    () =>
      `${t('cli.case.exported', { path: result.path, bytes: result.bytes, sha256: result.tagmanifestSha256 })}${sealed}`,
  );
  return EXIT.ok;
}

/** "; time confirmed by <TSA> at <genTime>" for a stamped statement. */
function timeOf(text: CliText, result: VerifyResult, seq: number): string {
  const stamp = result.timestamps.find((x) => x.seq === seq);
  if (!stamp) return '';
  return text.t(stamp.trusted ? 'cli.verify.time' : 'cli.verify.timeUntrusted', {
    tsa: stamp.tsa,
    time: stamp.genTime,
  });
}

/** The verdict, each check and each signature in words; check details and the trust detail by their phrases. */
function verdictText(text: CliText, result: VerifyResult): string {
  const { t, word } = text;
  const detailOf = (c: VerifyResult['checks'][number]) => text.phrases(c.phrases, c.detail, '; ');
  // in English the check is named by its id, as scripts and the README know it; in Indonesian by its name, with the id
  const checkName = (id: string) => (text.language === 'en' ? id : `${word(`review.check.${id}`, id)} (${id})`);
  return [
    t('cli.verify.verdict', { verdict: t(`cli.verdict.${result.verdict}`) }),
    ...result.checks.map(
      (c) =>
        `  ${t(c.ok ? 'cli.verify.pass' : 'cli.verify.fail')}  ${checkName(c.id)}${c.detail ? ` — ${detailOf(c)}` : ''}`,
    ),
    ...(result.encrypted ? [t('cli.verify.encrypted')] : []),
    ...result.statements.map(
      (s) =>
        t('cli.verify.signed', {
          role: word(`identity.role.${s.role}`, s.role),
          decision: t(`cli.decision.${s.decision}`),
          name: s.signer.name,
          fingerprint: `${s.signer.fingerprint.slice(0, 16)}…`,
          trust: t(s.trusted ? 'cli.verify.trusted' : 'cli.verify.notInRoster'),
        }) + timeOf(text, result, s.seq),
    ),
    `  ${text.phrases(result.trustPhrases, result.trustDetail, ' ')}`,
  ].join('\n');
}

export async function verify(ctx: CliContext): Promise<number> {
  const [file] = ctx.args;
  if (!file)
    throw new UsageError('cli.usage', {
      usage: 'verify FILE.zip|FILE.zip.age|FOLDER [--trust ROSTER] [--identity KEY.txt] [--json]',
    });
  const { roster, tsaRoots } = trustFrom(ctx);
  // A folder is a bag that was already unzipped: the folder itself, holding bagit.txt.
  const isFolder = statSync(resolve(file), { throwIfNoEntry: false })?.isDirectory() ?? false;
  const result = isFolder
    ? await verifyFolder(resolve(file), { roster, tsaRoots })
    : await verifyPackage(resolve(file), { roster, tsaRoots, ageIdentities: await ageIdentities(ctx, resolve(file)) });
  const { report: _report, ...shown } = result;
  ctx.out.data(shown, () => verdictText(ctx.text, result));
  return result.verdict === 'valid-trusted'
    ? EXIT.ok
    : result.verdict === 'valid-untrusted'
      ? EXIT.untrusted
      : EXIT.checkFailed;
}
