import { create } from 'zustand';
import {
  type CodedMessage,
  type Language,
  type MessageKey,
  catalogs,
  checkDetailIn,
  codedText,
  lookup,
  phraseIn,
} from './catalogs';
import type { Phrase } from '../../electron/common/phrase';

export { catalogs, type Language, type MessageKey };

interface I18nState {
  language: Language;
  setLanguage(language: Language): void;
}

/** Bahasa Indonesia first: it is the unit's working language. */
export const useI18n = create<I18nState>((set) => ({
  language: 'id',
  setLanguage: (language) => {
    document.documentElement.lang = language;
    set({ language });
  },
}));

export function translate(
  language: Language,
  key: MessageKey | string,
  vars?: Record<string, string | number>,
): string {
  return lookup(language, key, vars) ?? key;
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function useT(): Translate {
  const language = useI18n((s) => s.language);
  return (key, vars) => translate(language, key, vars);
}

/**
 * An error from the core in the user's language: by its reason (the exact case) where we have
 * words for it, else by its code, else its English message.
 */
export function errorText(
  t: Translate,
  error: { code: string; message: string; reason?: { key: string; params?: Record<string, string | number> } },
): string {
  if (error.reason && lookup('en', error.reason.key) !== null)
    return t(error.reason.key as MessageKey, error.reason.params);
  return textOr(t, `error.${error.code}`, error.message);
}

/** A coded message from the core (a media problem) in the current language. */
export function useCodedText(): (m: CodedMessage) => string {
  const language = useI18n((s) => s.language);
  return (m) => codedText(language, m);
}

/** The translation of key when the catalog has one, else fallback (e.g. an action name we have no words for yet). */
export function textOr(t: Translate, key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

/** What verification said, in the current language: a phrase, or a check's detail. */
export function usePhraseText(): {
  phrase(p: Phrase): string;
  checkDetail(c: { detail: string; phrases?: readonly Phrase[] }): string;
} {
  const language = useI18n((s) => s.language);
  return { phrase: (p) => phraseIn(language, p), checkDetail: (c) => checkDetailIn(language, c) };
}
