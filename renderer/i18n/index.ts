import { create } from 'zustand';
import backupEn from './backup.en.json';
import backupId from './backup.id.json';
import casesEn from './cases.en.json';
import casesId from './cases.id.json';
import decisionEn from './decision.en.json';
import decisionId from './decision.id.json';
import baseEn from './en.json';
import baseId from './id.json';
import securityEn from './security.en.json';
import securityId from './security.id.json';
import workflowEn from './workflow.en.json';
import workflowId from './workflow.id.json';

export type Language = 'id' | 'en';
// One catalog per language, assembled from per-area files so areas can grow independently.
export const catalogs = {
  id: { ...baseId, ...casesId, ...backupId, ...securityId, ...workflowId, ...decisionId },
  en: { ...baseEn, ...casesEn, ...backupEn, ...securityEn, ...workflowEn, ...decisionEn },
};
export type MessageKey = keyof typeof catalogs.id;

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

export function translate(language: Language, key: MessageKey | string, vars?: Record<string, string | number>): string {
  const text = (catalogs[language] as Record<string, string>)[key] ?? (catalogs.en as Record<string, string>)[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function useT(): Translate {
  const language = useI18n((s) => s.language);
  return (key, vars) => translate(language, key, vars);
}

/** An error from the core in the user's language: by its code where we have words for it, else its message. */
export function errorText(t: Translate, error: { code: string; message: string }): string {
  return textOr(t, `error.${error.code}`, error.message);
}

/** The translation of key when the catalog has one, else fallback (e.g. an action name we have no words for yet). */
export function textOr(t: Translate, key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}
