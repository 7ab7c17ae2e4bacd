import { type Phrase, phraseText } from '../../common/phrase';
import en from '../../../renderer/i18n/checks.en.json' with { type: 'json' };

/**
 * What verification says, by key: the English words live in the translation catalog (the window's
 * and the CLI's), so the English a check reports and the English the window shows cannot drift.
 */
export type PhraseKey = keyof typeof en;
export type { Phrase };

export function say(key: PhraseKey, params?: Phrase['params']): Phrase {
  return params ? { key, params } : { key };
}

const fill = (text: string, params?: Record<string, string | number>) =>
  params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;

export function inEnglish(phrase: Phrase): string {
  return phraseText(phrase, (key, params) => {
    const text = (en as Record<string, string>)[key];
    return text === undefined ? null : fill(text, params);
  });
}
