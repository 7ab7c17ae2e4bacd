/** bagit.txt and bag-info.txt (RFC 8493 §2.1.1, §2.2.2) with the labels PACKAGE-FORMAT.md lists. */

import { type Phrase, say } from './phrases';

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** The package format this Jejak writes and reads (PACKAGE-FORMAT.md), as bag-info.txt's Jejak-Format. */
export const JEJAK_FORMAT = '2';

export interface BagInfoInput {
  /** the unit */
  sourceOrganization: string;
  /** the analyst */
  contactName: string;
  /** the case reference; NAME is derived from it */
  externalIdentifier: string;
  /** the case title */
  externalDescription: string;
  platform: string;
  priority: string;
  /** ISO 8601 UTC */
  due: string;
  /** `jejak <version>` */
  softwareAgent: string;
}

const BAG_INFO_LABELS = [
  'Source-Organization',
  'Contact-Name',
  'External-Identifier',
  'External-Description',
  'Bagging-Date',
  'Bag-Software-Agent',
  'Payload-Oxum',
  'Bag-Size',
  'Jejak-Format',
  'Jejak-Platform',
  'Jejak-Priority',
  'Jejak-Due',
] as const;

/** Tag values are single lines: a line break inside a value (a multi-line title) becomes a space. */
function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

export function formatBagInfo(
  input: BagInfoInput,
  payload: { octets: number; count: number },
  baggingDate: Date,
): string {
  const values: Record<(typeof BAG_INFO_LABELS)[number], string> = {
    'Source-Organization': input.sourceOrganization,
    'Contact-Name': input.contactName,
    'External-Identifier': input.externalIdentifier,
    'External-Description': input.externalDescription,
    'Bagging-Date': baggingDate.toISOString().slice(0, 10),
    'Bag-Software-Agent': input.softwareAgent,
    'Payload-Oxum': `${payload.octets}.${payload.count}`,
    'Bag-Size': formatBagSize(payload.octets),
    'Jejak-Format': JEJAK_FORMAT,
    'Jejak-Platform': input.platform,
    'Jejak-Priority': input.priority,
    'Jejak-Due': input.due,
  };
  return BAG_INFO_LABELS.map((label) => `${label}: ${oneLine(values[label])}\n`).join('');
}

/** Human-readable size, decimal units, as in RFC 8493's "260 GB" example. */
export function formatBagSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

export interface ParsedBagInfo {
  fields: Record<string, string>;
  problems: Phrase[];
}

/** Labels and values, with RFC continuation lines (leading whitespace) folded into the value. */
export function parseBagInfo(text: string): ParsedBagInfo {
  const fields = new Map<string, string>();
  const problems: Phrase[] = [];
  let last: string | undefined;
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, i) => {
    if (/^[ \t]/.test(line) && last !== undefined) {
      fields.set(last, `${fields.get(last)} ${line.trim()}`);
      return;
    }
    // indexOf, not a regular expression: a hostile line must not cost quadratic time.
    const colon = line.indexOf(':');
    const label = line.slice(0, Math.max(colon, 0)).trim();
    if (colon < 0 || label === '' || /^\s/.test(line)) {
      problems.push(say('check.bagInfo.line', { line: i + 1 }));
      return;
    }
    last = label;
    if (fields.has(label)) problems.push(say('check.bagInfo.twice', { label }));
    fields.set(label, line.slice(colon + 1).replace(/^[ \t]/, ''));
  });
  for (const label of BAG_INFO_LABELS) {
    if (!fields.has(label)) problems.push(say('check.bagInfo.missing', { label }));
  }
  return { fields: Object.fromEntries(fields), problems };
}

/** bagit.txt must declare version 1.0 and UTF-8; LF or CRLF line endings are both BagIt. */
export function checkBagitTxt(text: string): Phrase | null {
  return text.replace(/\r\n/g, '\n') === BAGIT_TXT ? null : say('check.bagit.wrong');
}
