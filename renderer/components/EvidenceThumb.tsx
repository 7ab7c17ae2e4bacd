import { useState } from 'react';
import { evidenceImageUrl } from '../api';
import { useT } from '../i18n';
import { mediaKind, mediaKindLabel } from './labels';

interface Props {
  id: number;
  hasThumbnail: boolean;
  mediaType: string;
  alt: string;
}

/** The thumbnail the core made, or a labelled tile saying what kind of file it is (never the file itself). */
export function EvidenceThumb({ id, hasThumbnail, mediaType, alt }: Props) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  if (hasThumbnail && !failed) {
    return (
      <img
        className="thumb-img"
        src={evidenceImageUrl(id, 'thumb')}
        alt={alt}
        loading="lazy"
        decoding="async"
        draggable={false}
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <div
      className={`thumb-placeholder thumb-${mediaKind(mediaType)}`}
      role="img"
      aria-label={`${mediaKindLabel(t, mediaType)}: ${alt}`}
    >
      <span>{mediaKindLabel(t, mediaType)}</span>
    </div>
  );
}
