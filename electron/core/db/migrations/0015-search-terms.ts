import type { Migration } from './index';

/**
 * search_terms: the search index's vocabulary (fts5vocab 'instance': a row per place a term occurs,
 * in term order; no storage of its own, it reads search_index). The 'instance' kind, not 'row':
 * a 'row' cursor counts a term's documents before it returns the term, reading the very posting
 * list the search avoids; an 'instance' cursor returns the term at its first occurrence. A typed word is a prefix query, and FTS5 answers a prefix by
 * copying and merging the posting lists of every term it starts, tens of thousands of rows for a
 * common word at 1M items, before the first result. Looking the word up here first tells when it
 * starts exactly one term; the search then asks for that term, whose list is read lazily, newest
 * first, and stops at the page's last result (search/prefix-terms.ts).
 */
export const searchTerms: Migration = {
  version: 15,
  name: 'search-terms',
  up: /* sql */ `
    CREATE VIRTUAL TABLE search_terms USING fts5vocab(search_index, 'instance');
  `,
};
