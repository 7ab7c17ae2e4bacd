import { type Language, lookup } from '../../../renderer/i18n/catalogs';
import { formatDate, formatInteger } from '../report/pdf-format';

/** "2 November": a week's Monday, its year being in the week's name. */
export const dayMonth = (day: string, language: Language) => formatDate(day, language).replace(/ \d{4}$/, '');

/** The window's words (renderer/i18n/transparency.*.json), so the PDF says what the screen says. */
export function pdfWords(language: Language) {
  const decimal = new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });
  const t = (key: string, params?: Record<string, string | number>) => lookup(language, key, params) ?? key;
  return {
    t,
    number: (n: number) => formatInteger(n, language),
    /**
     * "2,8 jam" / "3.5 d" / "50 min": one unit, so a time fits a narrow column; days from a day
     * up and hours from an hour up with at most one decimal, else whole minutes.
     */
    duration(seconds: number | null): string {
      if (seconds === null) return '–';
      const [unit, n] =
        seconds >= 86_400
          ? ['days', seconds / 86_400]
          : seconds >= 3_600
            ? ['hours', seconds / 3_600]
            : ['minutes', Math.round(seconds / 60)];
      if (unit === 'minutes' && seconds < 60) return t('cases.due.underMinute');
      return t(`cases.due.${unit}`, { n: decimal.format(n) });
    },
  };
}

export type PdfWords = ReturnType<typeof pdfWords>;
