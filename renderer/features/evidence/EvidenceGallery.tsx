import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { EvidenceThumb } from '../../components/EvidenceThumb';
import { formatDate } from '../../components/labels';
import { itemAt } from '../../components/page-cache';
import { useI18n, useT } from '../../i18n';
import { EVIDENCE_PAGE, useEvidenceStore } from './evidence-store';
import { GAP, TILE, columnsFor } from './gallery-layout';

const ROW = 174 + GAP;

/** The gallery: rows of tiles, only the rows on screen rendered, pages of 200 fetched as it scrolls. */
export function EvidenceGallery({ onOpen }: { onOpen(id: number): void }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const { total, pages, generation, ensureRange } = useEvidenceStore();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [columns, setColumns] = useState(4);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setColumns(columnsFor(el.clientWidth - 2 * GAP)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const count = total ?? 0;
  const rows = Math.ceil(count / columns);
  // The React Compiler is not used in this build; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 3,
    paddingStart: GAP,
  });
  const items = virtualizer.getVirtualItems();
  const firstRow = items[0]?.index ?? 0;
  const lastRow = items.at(-1)?.index ?? 0;

  useEffect(() => {
    ensureRange(firstRow * columns, (lastRow + 4) * columns - 1);
  }, [firstRow, lastRow, columns, generation, ensureRange]);

  return (
    <div
      ref={scrollRef}
      className="gallery"
      data-testid="evidence-gallery"
      aria-label={t('evidence.galleryLabel')}
      role="list"
    >
      <div className="gallery-rows" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((v) => (
          <div
            key={v.index}
            className="gallery-row"
            style={{ transform: `translateY(${v.start}px)`, gridTemplateColumns: `repeat(${columns}, ${TILE}px)` }}
          >
            {Array.from({ length: columns }, (_, c) => {
              const index = v.index * columns + c;
              if (index >= count) return null;
              const item = itemAt(pages, index, EVIDENCE_PAGE);
              if (!item)
                return (
                  <div key={`loading-${index}`} className="thumb-tile thumb-loading" aria-busy="true" role="listitem" />
                );
              return (
                <div key={item.id} role="listitem">
                  <button
                    type="button"
                    className="thumb-tile"
                    onClick={() => onOpen(item.id)}
                    title={item.originalName}
                    data-testid="evidence-tile"
                  >
                    <EvidenceThumb
                      id={item.id}
                      hasThumbnail={item.hasThumbnail}
                      mediaType={item.mediaType}
                      alt={item.originalName}
                    />
                    <span className="thumb-name" title={item.originalName || `#${item.id}`}>
                      {item.originalName || `#${item.id}`}
                    </span>
                    <span className="thumb-meta muted">
                      #{item.id} · {formatDate(item.capturedAt ?? item.intakeAt, language)}
                      {item.nearDuplicateOf !== null && (
                        <span className="badge badge-warn">{t('evidence.similar')}</span>
                      )}
                      {item.excluded && <span className="badge badge-excluded">{t('workflow.excludedBadge')}</span>}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
