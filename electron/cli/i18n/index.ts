/**
 * The command line's words in Bahasa Indonesia or English: its own texts (en.json, id.json beside
 * this file) and, for what the window already says (errors, link problems, media problems, check
 * names, statuses, check details), the renderer's catalogs. `--json` output never goes through here.
 */
import type { Phrase } from '../../common/phrase';
import { type Language, codedText, lookup, phraseIn } from '../../../renderer/i18n/catalogs';
import en from './en.json';
import id from './id.json';

export type { Language };
export type Params = Record<string, string | number>;

const CLI = { id, en } as Record<Language, Record<string, string>>;

/** `--lang` when given, else JEJAK_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG): Indonesian when it starts with "id". */
export function cliLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Language | null {
  if (flag !== undefined) return flag === 'id' || flag === 'en' ? flag : null;
  const chosen = env.JEJAK_LANG?.trim().toLowerCase();
  if (chosen === 'id' || chosen === 'en') return chosen;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale?.toLowerCase().startsWith('id') ? 'id' : 'en';
}

export interface CliText {
  language: Language;
  /** a CLI text, else the window's text for the same key, else the key */
  t(key: string, params?: Params): string;
  /** the window's word for key (a status, a check name) when it has one, else fallback */
  word(key: string, fallback: string): string;
  /** what verification said (core/packages/phrases.ts); in English, `english` (the core's own words) */
  phrases(phrases: readonly Phrase[] | undefined, english: string, by: string): string;
  /** a problem found in a file's content (core/evidence/media/problems.ts) */
  problem(p: { code: string; params?: Params; message: string }): string;
  /** what a failure says to the person at the terminal */
  error(e: { message: string; code?: string; reason?: { key: string; params?: Params } }): string;
}

function fill(text: string, params?: Params): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

export function cliText(language: Language): CliText {
  const own = (key: string, params?: Params) => {
    const text = CLI[language][key] ?? CLI.en[key];
    return text === undefined ? null : fill(text, params);
  };
  const t = (key: string, params?: Params) => own(key, params) ?? lookup(language, key, params) ?? key;
  const word = (key: string, fallback: string) => lookup(language, key) ?? fallback;
  return {
    language,
    t,
    word,
    phrases: (phrases, english, by) =>
      language === 'en' || !phrases?.length ? english : phrases.map((p) => phraseIn(language, p)).join(by),
    problem: (p) =>
      language === 'en'
        ? p.message
        : codedText(language, { key: `problem.${p.code}`, params: p.params, message: p.message }),
    error(e) {
      // English is the core's own language: its message is the most precise one.
      if (language === 'en') return e.message;
      if (e.reason) {
        const reason = lookup('id', e.reason.key, e.reason.params);
        if (reason !== null) return reason;
      }
      if (!e.code) return e.message;
      const known = lookup('id', `error.${e.code}`);
      if (known !== null) return known;
      const kind = own(`cli.error.${e.code}`);
      return kind ? `${kind}: ${e.message}` : e.message;
    },
  };
}
