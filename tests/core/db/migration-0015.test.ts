import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate, migrations } from '../../../electron/core/db/migrations';
import { searchTerms } from '../../../electron/core/db/migrations/0015-search-terms';
import { search } from '../../../electron/core/search/search';
import { facetToken, ftsQuery, withoutExcluded } from '../../../electron/core/search/fts-query';
import { databaseAt, rows, runSql } from '../../fixtures/database-at';

const at = '2026-11-01T00:00:00.000Z';

/** A catalog as version 11 left it: words that start one term, several terms, none; a word inside another. */
function before() {
  const db = databaseAt(searchTerms.version - 1);
  runSql(db, "INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES ('b', 'b', 'b', 1, 'now')");
  const channel = `INSERT INTO channels (id, platform, kind, key, canonical_url, title, category, status, first_seen, last_seen, notes, created_at, created_by, updated_at)
    VALUES (?, ?, 'channel', ?, ?, ?, 'terorisme', 'active', ?, ?, ?, ?, 'a', ?)`;
  const titles = ['Kajian Jihad', 'Media Dakwah', 'Mediasi Warga', 'Jihád Nusantara', 'Berita Harian'];
  titles.forEach((title, i) =>
    runSql(
      db,
      channel,
      i + 1,
      i % 2 ? 'youtube' : 'telegram',
      `k${i}`,
      `https://t.me/k${i}`,
      title,
      at,
      at,
      `catatan ${i}`,
      at,
      at,
    ),
  );
  const evidence = `INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, original_name, intake_at, taken_by, channel_id, notes)
    VALUES (?, 'b', ?, '', 1, 'image/png', ?, ?, 'a', ?, ?)`;
  const notes = [
    'seruan jihad di kanal ini, jihad lagi',
    'rekrutmen media sosial',
    'mediasi antar warga',
    'unggahan propaganda rekrutmen',
    'bukti biasa tanpa kata',
    'propagandis dan propaganda',
  ];
  notes.forEach((note, i) =>
    runSql(db, evidence, i + 1, String(i).repeat(64), `bukti-${i}.png`, at, (i % 5) + 1, note),
  );
  runSql(db, "INSERT INTO evidence_exclusions VALUES (4, ?, 'a', 'salah')", at);
  return db;
}

describe('migration search-terms (0015)', () => {
  it('counts on from the migrations before it', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[searchTerms.version - 1]).toBe(searchTerms);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(searchTerms.version);
  });

  it('lists the terms of the index, and the terms of rows added after it', () => {
    const db = before();
    const index = rows(db, 'SELECT count(*) AS n FROM search_index');
    migrate(db, searchTerms.version);
    expect(rows(db, 'SELECT count(*) AS n FROM search_index')).toEqual(index);
    const terms = () => rows(db, "SELECT DISTINCT term FROM search_terms WHERE term >= 'media' AND term < 'medib'");
    expect(terms()).toEqual([{ term: 'media' }, { term: 'mediasi' }]);
    runSql(db, "UPDATE evidence SET notes = 'medianya' WHERE id = 5");
    expect(terms()).toEqual([{ term: 'media' }, { term: 'medianya' }, { term: 'mediasi' }]);
  });

  it('finds what the prefix query found: the same items, in the same order, with the same snippets', () => {
    const db = before();
    migrate(db, searchTerms.version);
    // What each search would be as a plain prefix query (the search before this migration).
    const prefixQuery = (text: string, platform?: string) =>
      rows(
        db,
        `SELECT s.rowid, s.title, snippet(search_index, 1, char(57344), char(57345), '…', 12) AS snippet
         FROM search_index s WHERE search_index MATCH ? ORDER BY s.rowid DESC LIMIT 50`,
        withoutExcluded([ftsQuery(text)!, ...(platform ? [facetToken('platform', platform)] : [])].join(' AND ')),
      ).map((r) => {
        const { rowid, title, snippet } = r as { rowid: number; title: string; snippet: string };
        return {
          kind: ['channel', 'evidence', 'case'][rowid % 4],
          id: Math.floor(rowid / 4),
          title: title.trim(),
          snippet,
        };
      });
    const texts = [
      'jihad', // one term, in a title and twice in a note
      'JIHAD', // the same, typed in capitals
      'jiha', // starts one term it is not
      'media', // a term that starts another (mediasi): stays a prefix
      'medi', // starts two terms
      'propaganda rekrutmen', // two words, each one term
      'propagand', // starts two terms (propaganda, propagandis)
      'jihád', // not plain ASCII: stays a prefix, finds jihad and Jihád alike
      'tidakada', // starts no term
      'bukti-3', // the tokenizer splits it: stays as typed
      'catatan 3',
      'xp', // starts every platform's facet token: the text columns alone, as before
      'jihad xs', // one word that could start a facet token keeps all the words to the text columns
    ];
    for (const text of texts) {
      const expected = prefixQuery(text);
      expect(search(db, text), text).toEqual(expected);
      expect(search(db, text, { platform: 'telegram' }), `${text} on telegram`).toEqual(prefixQuery(text, 'telegram'));
    }
    expect(search(db, 'jihad').map((h) => `${h.kind}#${h.id}`)).toEqual(['channel#4', 'evidence#1', 'channel#1']);
    expect(search(db, 'rekrutmen').map((h) => h.id)).toEqual([2]);
  });
});
