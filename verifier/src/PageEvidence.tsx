import { useEffect, useRef, useState } from 'react';
import { useT } from '../../renderer/i18n';
import { EvidenceItem } from '../../renderer/features/review/EvidenceItem';
import type { EarlierComment, ReviewEvidence } from '../../renderer/features/review/review-helpers';
import { evidenceImage, type PackageInput } from './verify-input';

const NO_MARK = { verdict: null, comment: '' } as const;

/** One image at a time: each is read and checked out of the package again, and held in memory. */
let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

/** The picture of an evidence image once it comes into view, as a blob: URL released when it goes. */
function useImage(
  input: PackageInput,
  item: ReviewEvidence,
  visible: boolean,
): { url: string | null; state: 'waiting' | 'shown' | 'none' } {
  const [image, setImage] = useState<{ url: string | null; state: 'waiting' | 'shown' | 'none' }>({
    url: null,
    state: item.isImage ? 'waiting' : 'none',
  });
  useEffect(() => {
    if (!visible || !item.isImage) return;
    let url: string | null = null;
    let gone = false;
    inTurn(() => (gone ? Promise.resolve(null) : evidenceImage(input, item.file))).then(
      (blob) => {
        if (gone) return;
        url = blob ? URL.createObjectURL(blob) : null;
        setImage({ url, state: url ? 'shown' : 'none' });
      },
      () => !gone && setImage({ url: null, state: 'none' }),
    );
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [input, item.file, item.isImage, visible]);
  return image;
}

/** An evidence file of a valid package, as the app's review shows it, with its picture read from the package. */
export function PageEvidence({
  input,
  item,
  earlier,
}: {
  input: PackageInput;
  item: ReviewEvidence;
  earlier: readonly EarlierComment[];
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver((seen) => seen.some((e) => e.isIntersecting) && setVisible(true), {
      rootMargin: '600px',
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const image = useImage(input, item, visible);
  return (
    <div ref={ref} data-testid="page-evidence" data-file={item.file} data-image={image.state}>
      <EvidenceItem
        imageUrl={image.url}
        item={item}
        earlier={earlier}
        mark={NO_MARK}
        editable={false}
        onMark={() => undefined}
      />
      {image.state === 'waiting' && <p className="muted small page-evidence-note">{t('verifier.loadingImage')}</p>}
      {image.state === 'none' && <p className="muted small page-evidence-note">{t('verifier.notShown')}</p>}
    </div>
  );
}
