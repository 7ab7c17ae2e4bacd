import { parseCsv } from '../csv';
import { JejakError } from '../errors';

export type HashKind = 'sha256' | 'md5' | 'pdq';
export const HASH_KINDS: readonly HashKind[] = ['sha256', 'md5', 'pdq'];

export interface HashEntry {
  kind: HashKind;
  /** lower-case hex */
  value: string;
  label: string;
}

export interface ParsedHashList {
  entries: HashEntry[];
  /** what a JSON list says of itself (`name`, `source`, `date`); flags win over it */
  name?: string;
  source?: string;
  date?: string;
}

const HEX_LENGTH: Record<HashKind, number> = { sha256: 64, md5: 32, pdq: 64 };
const HEX: Record<HashKind, RegExp> = { sha256: /^[0-9a-f]{64}$/, md5: /^[0-9a-f]{32}$/, pdq: /^[0-9a-f]{64}$/ };
const LABEL_COLUMNS = ['label', 'name', 'description', 'note', 'notes'];

function bad(where: string, message: string): JejakError {
  return new JejakError('INVALID_INPUT', `${where}: ${message}`).because('hashlist.invalid', { where, message });
}

/** A hash as lists write it (any case, optional `pdq:`/`sha256:` prefix), checked for its length. */
function hashValue(kind: HashKind, raw: string, where: string): string {
  // as most lists write them (lower case, no prefix): a list parses 100,000 of these
  if (HEX[kind].test(raw)) return raw;
  const value = raw
    .trim()
    .toLowerCase()
    .replace(/^(sha256|md5|pdq):/, '');
  if (!HEX[kind].test(value))
    throw bad(where, `"${raw.slice(0, 80)}" is not a ${kind} hash (${HEX_LENGTH[kind]} hex digits)`);
  return value;
}

/**
 * The rows of a CSV list. Most have no quoted field: their lines split at commas (natively, in
 * one pass); a file with a quote in it goes through the full RFC 4180 reader. Rows of blank
 * fields are dropped either way.
 */
function csvRows(text: string): string[][] {
  if (text.includes('"')) return parseCsv(text);
  const rows: string[][] = [];
  for (const line of text.split(/\r\n|\r|\n/)) if (/[^,\s]/.test(line)) rows.push(line.split(','));
  return rows;
}

function fromCsv(text: string): ParsedHashList {
  const rows = csvRows(text);
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const columns = HASH_KINDS.map((kind) => ({ kind, at: header.indexOf(kind) })).filter((c) => c.at >= 0);
  if (columns.length === 0) throw bad('line 1', 'the header names no sha256, md5 or pdq column');
  const labelAt = header.findIndex((h) => LABEL_COLUMNS.includes(h));
  const entries: HashEntry[] = [];
  rows.forEach((row, i) => {
    const label = labelAt >= 0 ? (row[labelAt] ?? '').trim() : '';
    for (const { kind, at } of columns) {
      const cell = (row[at] ?? '').trim();
      if (cell) entries.push({ kind, value: hashValue(kind, cell, `line ${i + 2}`), label });
    }
  });
  return { entries };
}

function fromJson(raw: unknown): ParsedHashList {
  const list = Array.isArray(raw) ? { entries: raw } : (raw as Record<string, unknown> | null);
  if (!list || typeof list !== 'object' || !Array.isArray(list.entries))
    throw bad('JSON', 'expected a list of entries, or an object with "entries"');
  const text = (key: string) => (typeof list[key] === 'string' ? (list[key] as string) : undefined);
  const entries: HashEntry[] = [];
  list.entries.forEach((item: unknown, i: number) => {
    if (!item || typeof item !== 'object') throw bad(`entries[${i}]`, 'not an object');
    const record = item as Record<string, unknown>;
    const labelKey = LABEL_COLUMNS.find((k) => typeof record[k] === 'string');
    const label = labelKey ? String(record[labelKey]) : '';
    const before = entries.length;
    for (const kind of HASH_KINDS)
      if (typeof record[kind] === 'string')
        entries.push({ kind, value: hashValue(kind, record[kind] as string, `entries[${i}]`), label });
    if (entries.length === before) throw bad(`entries[${i}]`, 'names no sha256, md5 or pdq hash');
  });
  return { entries, name: text('name'), source: text('source'), date: text('date') };
}

/** A hash list as platforms and industry bodies export it: CSV with a header, or JSON. */
export function parseHashList(text: string): ParsedHashList {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trimStart();
  let parsed: ParsedHashList;
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (e) {
      throw bad('JSON', (e as Error).message);
    }
    parsed = fromJson(json);
  } else parsed = fromCsv(body);
  if (parsed.entries.length === 0) throw bad('list', 'no hashes in it');
  return parsed;
}
