/** Dates, numbers, sizes, platform names and fingerprints as the report PDF writes them, per language. */
import type { Platform } from '../../common/platforms';
import { pdfStrings } from './pdf-strings';
import type { ReportLanguage } from '../../common/report-json';

const MONTHS: Record<ReportLanguage, string[]> = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};
const MONTHS_SHORT: Record<ReportLanguage, string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** A Date from an ISO 8601 string, or null when it does not parse. */
export function parseDate(iso: string | null | undefined): Date | null {
  if (typeof iso !== 'string' || iso.trim() === '') return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function clock(d: Date, lang: ReportLanguage, seconds: boolean): string {
  const sep = lang === 'id' ? '.' : ':';
  const parts = [pad2(d.getUTCHours()), pad2(d.getUTCMinutes())];
  if (seconds) parts.push(pad2(d.getUTCSeconds()));
  return `${parts.join(sep)} UTC`;
}

/** "28 November 2026" */
export function formatDate(iso: string | null | undefined, lang: ReportLanguage): string {
  const d = parseDate(iso);
  if (!d) return iso ?? '';
  return `${d.getUTCDate()} ${MONTHS[lang][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "28 November 2026 pukul 04.00.15 UTC" / "28 November 2026, 04:00:15 UTC" */
export function formatDateTime(
  iso: string | null | undefined,
  lang: ReportLanguage,
  opts: { seconds?: boolean } = {},
): string {
  const d = parseDate(iso);
  if (!d) return iso ?? '';
  const date = `${d.getUTCDate()} ${MONTHS[lang][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const time = clock(d, lang, opts.seconds ?? false);
  return lang === 'id' ? `${date} pukul ${time}` : `${date}, ${time}`;
}

/** Two short lines for a table cell: "28 Nov 2026\n04.00 UTC" */
export function formatDateTimeShort(iso: string | null | undefined, lang: ReportLanguage): string {
  const d = parseDate(iso);
  if (!d) return iso ?? '';
  return `${d.getUTCDate()} ${MONTHS_SHORT[lang][d.getUTCMonth()]} ${d.getUTCFullYear()}\n${clock(d, lang, false)}`;
}

function locale(lang: ReportLanguage): string {
  return lang === 'id' ? 'id-ID' : 'en-GB';
}

/** Number formats by language and decimals: building one costs far more than formatting with it. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: ReportLanguage, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${lang}/${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale(lang), { maximumFractionDigits })));
  return format;
}

export function formatInteger(n: number, lang: ReportLanguage): string {
  if (!Number.isFinite(n)) return String(n);
  return numberFormat(lang, 0).format(n);
}

/** "1,2 MB (1.234.567 bita)" / "1.2 MB (1,234,567 bytes)"; decimal units, as file managers show them. */
export function formatSize(bytes: number, lang: ReportLanguage): string {
  const s = pdfStrings(lang);
  if (!Number.isFinite(bytes) || bytes < 0) return String(bytes);
  const exact = `${formatInteger(bytes, lang)} ${s.bytes}`;
  if (bytes < 1000) return exact;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = bytes / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  const short = numberFormat(lang, 1).format(v);
  return `${short} ${units[i]} (${exact})`;
}

/** Every platform's name, and the names older reports used. */
const PLATFORM_NAMES: Record<string, string> = {
  telegram: 'Telegram',
  x: 'X',
  twitter: 'X (Twitter)',
  youtube: 'YouTube',
  facebook: 'Facebook',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  whatsapp: 'WhatsApp',
  web: 'Web',
  website: 'Web',
} satisfies Record<Platform | 'twitter' | 'web', string>;

export function platformName(p: string): string {
  return PLATFORM_NAMES[p.toLowerCase()] ?? p;
}

/** A known vocabulary word in the language, else the stored word made readable ("taken_down" -> "Taken down"). */
export function vocab(word: string, table: Record<string, string>): string {
  const known = table[word] ?? table[word.toLowerCase()];
  if (known) return known;
  const spaced = word.replace(/[_-]+/g, ' ').trim();
  if (spaced === '' || !/^[a-z ]+$/.test(spaced)) return word;
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** "abcd 1234 …": groups of 4 characters (lower case, as sha256sum prints it), `perLine` groups to a line. */
export function groupFingerprint(hex: string, perLine = 8): string[] {
  const clean = hex.replace(/\s+/g, '').toLowerCase();
  const groups = clean.match(/.{1,4}/g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += perLine) lines.push(groups.slice(i, i + perLine).join(' '));
  return lines;
}

/** The package name as PACKAGE-FORMAT.md derives it from the case reference. */
export function packageName(reference: string): string {
  return reference.replace(/[^A-Za-z0-9._-]/gu, '-');
}
