import { type MessageKey, useT } from '../../i18n';
import { durationParts } from './outcome-helpers';

/** A duration in words of the user's language: "2 jam 5 menit", "under a minute". */
export function useDuration(): (seconds: number) => string {
  const t = useT();
  return (seconds) => {
    const parts = durationParts(seconds);
    return parts.length > 0
      ? parts.map(([unit, n]) => t(`cases.due.${unit}` as MessageKey, { n })).join(' ')
      : t('cases.due.underMinute');
  };
}
