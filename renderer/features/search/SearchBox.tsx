import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { useSearchStore } from './search-store';

/** The search box in the top bar; Enter searches, Ctrl+K (or /) puts the cursor in it from anywhere. */
export function SearchBox() {
  const t = useT();
  const search = useSearchStore((s) => s.search);
  const query = useSearchStore((s) => s.query);
  const [text, setText] = useState(query);
  const [shown, setShown] = useState(query);
  const ref = useRef<HTMLInputElement>(null);
  // Follow the store when it changes from elsewhere (a lock clears it).
  if (query !== shown) {
    setShown(query);
    setText(query);
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLElement &&
        (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if (((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') || (e.key === '/' && !typing)) {
        e.preventDefault();
        ref.current?.focus();
        ref.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <form
      className="search-box"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) void search(text);
      }}
    >
      <input
        ref={ref}
        type="search"
        value={text}
        maxLength={200}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button-secondary" disabled={!text.trim()}>
        {t('search.submit')}
      </button>
    </form>
  );
}
