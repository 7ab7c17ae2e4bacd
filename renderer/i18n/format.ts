import type { Language } from '.';

const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

export function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(n);
}
