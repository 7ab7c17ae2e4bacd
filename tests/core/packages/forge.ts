import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { statementBytes, type StatementInput } from '../../../electron/core/packages/statement';
import type { Signer } from '../../../electron/core/packages';
import { sha256 } from './helpers';
import { rawZip, readZip, type PlainEntry } from './zip-tools';

/**
 * Edits real packages the way an attacker holding some key would: add or rename statements,
 * change tag files and sign again. What comes out is a structurally perfect ZIP.
 */

export const stemOf = (seq: number, signer: Signer) =>
  `signatures/${seq}-${signer.role}-${signer.fingerprint.slice(0, 16)}`;

export function bagOf(entries: readonly PlainEntry[]): string {
  return entries[0]!.name.split('/')[0]!;
}

export function entry(entries: readonly PlainEntry[], path: string): PlainEntry {
  const found = entries.find((e) => e.name === `${bagOf(entries)}/${path}`);
  if (!found) throw new Error(`no ${path} in the package`);
  return found;
}

export function statementOf(
  entries: readonly PlainEntry[],
  seq: number,
): { stem: string; json: Record<string, unknown>; bytes: Buffer } {
  const found = entries.find((e) => new RegExp(`/signatures/${seq}-[a-z]+-[0-9a-f]{16}\\.json$`).test(e.name));
  if (!found) throw new Error(`no statement ${seq}`);
  const stem = found.name.slice(bagOf(entries).length + 1, -'.json'.length);
  return { stem, json: JSON.parse(found.data.toString()) as Record<string, unknown>, bytes: found.data };
}

/** A statement as the writer would make it, with whatever covers the forger chooses. */
export function forgedStatement(
  entries: readonly PlainEntry[],
  signer: Signer,
  decision: StatementInput['decision'],
  covers: string[],
  extra: Partial<StatementInput> = {},
): Buffer {
  const first = statementOf(entries, 1).json as { bag: { externalIdentifier: string; tagmanifestSha256: string } };
  return statementBytes({
    signer,
    decision,
    comment: '',
    signedAt: new Date('2026-11-30T01:00:00Z'),
    externalIdentifier: first.bag.externalIdentifier,
    tagmanifestSha256: first.bag.tagmanifestSha256,
    covers,
    ...extra,
  });
}

/** The .json, .sig and .pem of a statement signed with `signer` over exactly `json`. */
export function signedFiles(entries: readonly PlainEntry[], stem: string, signer: Signer, json: Buffer): PlainEntry[] {
  const bag = bagOf(entries);
  return [
    { name: `${bag}/${stem}.json`, data: json },
    { name: `${bag}/${stem}.sig`, data: signer.sign(json) },
    { name: `${bag}/${stem}.pem`, data: Buffer.from(signer.publicKeyPem) },
  ];
}

/** Replaces the files of statement `stem` (or adds them) with `json` signed by `signer`. */
export function resign(entries: readonly PlainEntry[], stem: string, signer: Signer, json: Buffer): PlainEntry[] {
  const bag = bagOf(entries);
  const kept = entries.filter((e) => !e.name.startsWith(`${bag}/${stem}.`));
  return [...kept, ...signedFiles(entries, stem, signer, json)];
}

export function renamed(entries: readonly PlainEntry[], fromStem: string, toStem: string): PlainEntry[] {
  const bag = bagOf(entries);
  return entries.map((e) =>
    e.name.startsWith(`${bag}/${fromStem}.`)
      ? { ...e, name: `${bag}/${toStem}${e.name.slice(bag.length + 1 + fromStem.length)}` }
      : e,
  );
}

/**
 * Replaces one tag file's bytes, then does what an analyst with their own key could: recompute
 * both tag manifests and sign statement 1 again over the new tag manifest.
 */
export function retagged(
  entries: readonly PlainEntry[],
  analyst: Signer,
  changes: Record<string, (b: Buffer) => Buffer>,
): PlainEntry[] {
  const bag = bagOf(entries);
  const edit = (list: readonly PlainEntry[], path: string, change: (b: Buffer) => Buffer) =>
    list.map((e) => (e.name === `${bag}/${path}` ? { ...e, data: change(e.data) } : e));
  let out = [...entries];
  for (const [path, change] of Object.entries(changes))
    if (!path.startsWith('tagmanifest')) out = edit(out, path, change);
  for (const algorithm of ['sha256', 'sha512'] as const) {
    const lines = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'manifest-sha512.txt'].map((p) => {
      const data = entry(out, p).data;
      const hash = algorithm === 'sha256' ? sha256(data) : sha512Of(data);
      return `${hash}  ${p}\n`;
    });
    const file = `tagmanifest-${algorithm}.txt`;
    out = edit(out, file, () => Buffer.from(lines.join('')));
    if (changes[file]) out = edit(out, file, changes[file]);
  }
  const first = statementOf(out, 1);
  const json = Buffer.from(
    first.bytes
      .toString()
      .replace(
        /"tagmanifestSha256": "[0-9a-f]{64}"/,
        `"tagmanifestSha256": "${sha256(entry(out, 'tagmanifest-sha256.txt').data)}"`,
      ),
  );
  return resign(out, first.stem, analyst, json);
}

function sha512Of(data: Buffer): string {
  return createHash('sha512').update(data).digest('hex');
}

export async function forge(
  source: string,
  target: string,
  edit: (entries: PlainEntry[]) => PlainEntry[],
): Promise<string> {
  const entries = edit(await readZip(source));
  writeFileSync(target, rawZip(entries.map((e) => ({ name: e.name, data: e.data }))));
  return target;
}

export const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
export const withBom = (b: Buffer): Buffer => Buffer.concat([BOM, b]);
