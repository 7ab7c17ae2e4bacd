import { textOr, useT } from '../../i18n';
import type { ItemComment } from './case-helpers';

/** The supervisor's words about one item, beside it in the case, from each received decision. */
export function ItemComments({ comments }: { comments: readonly ItemComment[] }) {
  const t = useT();
  if (comments.length === 0) return null;
  return (
    <ul className="decision-comments small" data-testid="item-comments">
      {comments.map((c, i) => (
        <li key={`${c.decisionId}-${i}`} className={`decision-comment ${c.verdict}`}>
          <span className={c.verdict === 'problem' ? 'pill pill-bad' : 'pill pill-ok'}>
            {c.verdict === 'problem' ? t('review.item.problem') : t('review.item.ok')}
          </span>{' '}
          <span className="muted">
            {t('decision.itemBy', {
              decision: textOr(t, `cases.status.${c.decision}`, c.decision),
              name: c.signer,
              revision: c.revision,
            })}
          </span>
          {c.comment && <div className="prewrap">{c.comment}</div>}
        </li>
      ))}
    </ul>
  );
}
