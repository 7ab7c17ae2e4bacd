import { CopyButton } from '../../components/CopyButton';
import { useT } from '../../i18n';
import type { EvidenceDetail } from './evidence-viewer-store';

const PICTURES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

/**
 * The text OCR read in the picture, to copy. `dir="auto"` lets each paragraph take the direction
 * of its first strong letter, so Arabic reads right to left beside Indonesian and English.
 */
export function RecognisedText({ item }: { item: EvidenceDetail }) {
  const t = useT();
  if (!PICTURES.includes(item.mediaType)) return null;
  const text = item.recognisedText?.text ?? '';
  return (
    <section className="card" data-testid="recognised-text">
      <div className="card-head">
        <h2>{t('viewer.recognisedText')}</h2>
        {text && <CopyButton text={text} />}
      </div>
      {item.recognisedText === null ? (
        <p className="muted small">{t('viewer.recognisedTextPending')}</p>
      ) : text ? (
        <div className="recognised-text">
          {text.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i} dir="auto">
              {paragraph}
            </p>
          ))}
        </div>
      ) : (
        <p className="muted small">{t('viewer.recognisedTextNone')}</p>
      )}
    </section>
  );
}
