import { JejakError } from '../errors';

/** File names inside a package, fixed by PACKAGE-FORMAT.md. Paths here are relative to the bag folder. */

export const BAGIT = 'bagit.txt';
export const BAG_INFO = 'bag-info.txt';
export const MANIFEST_SHA256 = 'manifest-sha256.txt';
export const MANIFEST_SHA512 = 'manifest-sha512.txt';
export const TAGMANIFEST_SHA256 = 'tagmanifest-sha256.txt';
export const TAGMANIFEST_SHA512 = 'tagmanifest-sha512.txt';

/** The files the tag manifests list, in the order we write them. */
export const MANIFESTED_TAG_FILES = [BAGIT, BAG_INFO, MANIFEST_SHA256, MANIFEST_SHA512] as const;
export const TAG_FILES = [...MANIFESTED_TAG_FILES, TAGMANIFEST_SHA256, TAGMANIFEST_SHA512] as const;

/** Payload files every package carries, relative to data/. */
export const REPORT_JSON = 'report.json';
export const NOTICE_JSON = 'notice.json';
export const REQUIRED_PAYLOAD = ['report.pdf', REPORT_JSON, 'channels.csv', 'custody.jsonl', NOTICE_JSON] as const;

const EVIDENCE = /^evidence\/(\d{1,9})-([0-9a-f]{12})(\.[A-Za-z0-9]{1,10})?$/;
const STATEMENT = /^signatures\/([1-9]\d{0,5})-(analyst|supervisor)-([0-9a-f]{16})\.(json|sig|pem)$/;
const TIMESTAMP = /^timestamps\/([1-9]\d{0,5})-([0-9a-f]{16})\.tsr$/;
const NAME_CHARS = /^[A-Za-z0-9._-]+$/;
const MAX_NAME_LENGTH = 120;

export type Role = 'analyst' | 'supervisor';

/**
 * NAME per the format: the case reference with every character (code point) outside
 * `A-Za-z0-9._-` replaced by `-`. A reference that leaves nothing usable (empty, only dots,
 * which would be `.`/`..` or vanish on Windows) or a name too long for Windows paths is refused.
 */
export function bagName(reference: string): string {
  const name = reference.replace(/[^A-Za-z0-9._-]/gu, '-');
  if (!isValidBagName(name)) {
    throw new JejakError('INVALID_INPUT', `The case reference "${reference}" does not give a usable package name.`);
  }
  return name;
}

export function isValidBagName(name: string): boolean {
  return NAME_CHARS.test(name) && !/^\.+$/.test(name) && name.length <= MAX_NAME_LENGTH;
}

/** The file name the format expects for a package: `<NAME>.zip`. */
export function packageFileName(reference: string): string {
  return `${bagName(reference)}.zip`;
}

/** `evidence/001-0123456789ab.png` (relative to data/) → its sequence number and hash prefix. */
export function parseEvidencePath(payloadPath: string): { seq: number; sha256Prefix: string } | null {
  const m = EVIDENCE.exec(payloadPath);
  return m ? { seq: Number(m[1]), sha256Prefix: m[2] as string } : null;
}

export function isPayloadPath(payloadPath: string): boolean {
  return (REQUIRED_PAYLOAD as readonly string[]).includes(payloadPath) || EVIDENCE.test(payloadPath);
}

export interface StatementName {
  seq: number;
  role: Role;
  fingerprint16: string;
  ext: 'json' | 'sig' | 'pem';
  /** the path without its extension, shared by the three files of one statement */
  stem: string;
}

export function parseStatementPath(bagPath: string): StatementName | null {
  const m = STATEMENT.exec(bagPath);
  if (!m) return null;
  return {
    seq: Number(m[1]),
    role: m[2] as Role,
    fingerprint16: m[3] as string,
    ext: m[4] as StatementName['ext'],
    stem: bagPath.slice(0, bagPath.lastIndexOf('.')),
  };
}

export function statementStem(seq: number, role: Role, fingerprint: string): string {
  return `signatures/${seq}-${role}-${fingerprint.slice(0, 16)}`;
}

/** `timestamps/<seq>-<fp16>.tsr`: an RFC 3161 token over statement <seq>'s .json file. */
export function parseTimestampPath(bagPath: string): { seq: number; fingerprint16: string } | null {
  const m = TIMESTAMP.exec(bagPath);
  return m ? { seq: Number(m[1]), fingerprint16: m[2] as string } : null;
}

/** `<seq>-<fp16>`: a time-stamp request (.tsq) and its token (.tsr) share it. */
export function timestampStem(seq: number, fingerprint: string): string {
  return `${seq}-${fingerprint.slice(0, 16)}`;
}

export function timestampPath(seq: number, fingerprint: string): string {
  return `timestamps/${timestampStem(seq, fingerprint)}.tsr`;
}

/** Tag files, report.json, notice.json, statements and time-stamps: what a verifier holds in memory. */
export const isMetadata = (path: string): boolean =>
  (TAG_FILES as readonly string[]).includes(path) ||
  path === `data/${REPORT_JSON}` ||
  path === `data/${NOTICE_JSON}` ||
  parseStatementPath(path) !== null ||
  parseTimestampPath(path) !== null;
