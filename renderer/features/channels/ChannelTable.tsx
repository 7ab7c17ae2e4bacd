import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { categoryLabel, formatDate, platformLabel } from '../../components/labels';
import { itemAt } from '../../components/page-cache';
import { StatusBadge } from '../../components/StatusBadge';
import { type Language, type MessageKey, type Translate, useI18n, useT } from '../../i18n';
import { displayHandle } from '../../../electron/common/handle';
import { type ChannelSort, type ChannelSummary, PAGE_SIZE, useChannelsStore } from './channels-store';
import { nextActive } from './selection';

const ROW_HEIGHT = 48;
const HEADER_HEIGHT = 38;

const COLUMNS: Array<{ sort: ChannelSort | null; label: MessageKey; className?: string }> = [
  { sort: 'title', label: 'channels.col.title' },
  { sort: 'platform', label: 'channels.col.platform' },
  { sort: 'status', label: 'channels.col.status' },
  { sort: 'category', label: 'channels.col.category' },
  { sort: null, label: 'channels.col.evidence', className: 'num' },
  { sort: 'lastSeen', label: 'channels.col.lastSeen' },
  { sort: 'created', label: 'channels.col.created' },
];

const rowId = (index: number) => `channel-row-${index}`;

interface RowProps {
  row: ChannelSummary;
  index: number;
  selected: boolean;
  active: boolean;
  top: number;
  t: Translate;
  language: Language;
  onToggle(index: number, shift: boolean): void;
  onOpen(id: number): void;
  onActivate(index: number): void;
}

function ChannelRow({ row, index, selected, active, top, t, language, onToggle, onOpen, onActivate }: RowProps) {
  const name = row.title || (row.handle ? displayHandle(row.handle) : row.canonicalUrl);
  return (
    <div
      role="row"
      id={rowId(index)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`crow${selected ? ' selected' : ''}${active ? ' active' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onActivate(index)}
      onDoubleClick={() => onOpen(row.id)}
    >
      <div role="gridcell" className="ccell ccell-check">
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          aria-label={t('channels.selectRow', { name })}
          onMouseDown={(e) => e.preventDefault()}
          onChange={() => undefined}
          onClick={(e) => {
            e.stopPropagation();
            onToggle(index, e.shiftKey);
          }}
        />
      </div>
      <div role="gridcell" className="ccell ccell-title">
        <button
          type="button"
          tabIndex={-1}
          className="row-title"
          title={name}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onOpen(row.id)}
        >
          {row.title || (
            <span className="muted">{row.handle ? displayHandle(row.handle) : t('channels.untitled')}</span>
          )}
          {row.excluded && <span className="badge badge-excluded">{t('workflow.excludedBadge')}</span>}
        </button>
        <span className="row-url mono" title={row.canonicalUrl}>
          {row.canonicalUrl}
        </span>
      </div>
      <div role="gridcell" className="ccell">
        {platformLabel(t, row.platform)}
      </div>
      <div role="gridcell" className="ccell">
        <StatusBadge status={row.status} />
      </div>
      <div role="gridcell" className="ccell">
        {categoryLabel(t, row.category)}
      </div>
      <div role="gridcell" className="ccell num">
        {row.evidenceCount || ''}
      </div>
      <div role="gridcell" className="ccell">
        {formatDate(row.lastSeen, language)}
      </div>
      <div role="gridcell" className="ccell">
        {formatDate(row.createdAt, language)}
      </div>
    </div>
  );
}

/**
 * The channel table: only the rows on screen exist in the page, pages of 200 are fetched as the
 * user scrolls, so 100,000 channels scroll like 100. The grid keeps focus itself and moves an
 * active row (aria-activedescendant): Up/Down/PageUp/PageDown/Home/End move, Enter opens, Space selects.
 */
export function ChannelTable({ onOpen }: { onOpen(id: number): void }) {
  const t = useT();
  const language = useI18n((s) => s.language);
  const {
    total,
    pages,
    generation,
    filter,
    sort,
    descending,
    selected,
    active,
    ensureRange,
    setSort,
    setActive,
    toggle,
  } = useChannelsStore();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  // The React Compiler is not used in this build; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: () => useChannelsStore.getState().scrollTop,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    ensureRange(Math.max(0, first - 40), last + 40);
  }, [first, last, generation, ensureRange]);

  // A new filter or sort starts from the top; a refresh after an import keeps the place.
  const shown = useRef({ filter, sort, descending });
  useEffect(() => {
    const before = shown.current;
    if (before.filter !== filter || before.sort !== sort || before.descending !== descending)
      scrollRef.current?.scrollTo({ top: 0 });
    shown.current = { filter, sort, descending };
  }, [filter, sort, descending]);

  useEffect(() => {
    const el = scrollRef.current;
    // Back from a channel's page, the keyboard continues where it left the table.
    if (document.activeElement === document.body) el?.focus({ preventScroll: true });
    return () => {
      if (el) useChannelsStore.getState().rememberScroll(el.scrollTop);
    };
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const pageRows = Math.max(
      1,
      Math.floor(((scrollRef.current?.clientHeight ?? 400) - HEADER_HEIGHT) / ROW_HEIGHT) - 1,
    );
    const next = nextActive(e.key, active, count, pageRows);
    if (next !== null) {
      e.preventDefault();
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      return;
    }
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter') {
      const row = itemAt(pages, active, PAGE_SIZE);
      if (row) onOpen(row.id);
    } else if (e.key === ' ') {
      e.preventDefault();
      void toggle(active, e.shiftKey);
    }
  }

  const activate = (index: number) => {
    setActive(index);
    scrollRef.current?.focus({ preventScroll: true });
  };
  const onToggle = (index: number, shift: boolean) => {
    void toggle(index, shift);
    scrollRef.current?.focus({ preventScroll: true });
  };
  const activeShown = items.some((v) => v.index === active) && itemAt(pages, active, PAGE_SIZE);

  return (
    <div
      ref={scrollRef}
      className="ctable"
      role="grid"
      tabIndex={0}
      aria-label={t('channels.tableLabel')}
      aria-rowcount={count + 1}
      aria-multiselectable="true"
      aria-activedescendant={activeShown ? rowId(active) : undefined}
      onKeyDown={onKeyDown}
      data-testid="channel-table"
    >
      <div role="row" aria-rowindex={1} className="crow crow-head">
        <div role="columnheader" className="ccell ccell-check">
          <span className="sr-only">{t('channels.col.select')}</span>
        </div>
        {COLUMNS.map((c) => (
          <div
            key={c.label}
            role="columnheader"
            className={`ccell ${c.className ?? ''}`}
            aria-sort={c.sort && c.sort === sort ? (descending ? 'descending' : 'ascending') : undefined}
          >
            {c.sort ? (
              <button type="button" className="sort-button" onClick={() => setSort(c.sort!)}>
                {t(c.label)}
                <span className="sort-mark" aria-hidden="true">
                  {c.sort === sort ? (descending ? '▼' : '▲') : ''}
                </span>
              </button>
            ) : (
              t(c.label)
            )}
          </div>
        ))}
      </div>
      <div className="crows" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((v) => {
          const row = itemAt(pages, v.index, PAGE_SIZE);
          const top = v.start - HEADER_HEIGHT;
          if (!row) {
            return (
              <div
                key={`loading-${v.index}`}
                role="row"
                aria-rowindex={v.index + 2}
                className="crow crow-loading"
                style={{ transform: `translateY(${top}px)` }}
              >
                <div role="gridcell" className="ccell skeleton-cell" aria-busy="true">
                  <span className="skeleton" />
                </div>
              </div>
            );
          }
          return (
            <ChannelRow
              key={row.id}
              row={row}
              index={v.index}
              top={top}
              selected={selected.has(row.id)}
              active={v.index === active}
              t={t}
              language={language}
              onToggle={onToggle}
              onOpen={onOpen}
              onActivate={activate}
            />
          );
        })}
      </div>
    </div>
  );
}
