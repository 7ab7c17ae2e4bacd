// What the hardware does with the same rows and no vault around them: a plain (unencrypted) SQLite
// copy of the catalog's channels and search index, read with raw statements. A page of 200 rows by
// rowid and the same full-text queries give the floor the vault's pages and search are held against;
// each is read alternately with the vault's own, since this machine's speed drifts over minutes.
import Database from 'better-sqlite3-multiple-ciphers';
import { Db, type RawDatabase } from '../../electron/core/db/database';

/** Wall and CPU (this process, user + system) milliseconds of each run of a step. */
export interface Samples {
  wall: number[];
  cpu: number[];
}

export const samples = (): Samples => ({ wall: [], cpu: [] });

/** Runs fn once and adds its times to s. On a shared machine the CPU time is what load changes least. */
export function sample(s: Samples, fn: () => unknown): void {
  const cpu = process.cpuUsage();
  const started = performance.now();
  fn();
  s.wall.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  s.cpu.push((used.user + used.system) / 1000);
}

export interface PlainCatalog {
  /** the copy, for building its MATCH expressions the way the search does (its own vocabulary) */
  db: Db;
  /** the `i`th read of 200 rows at a scattered place in the plain channels table */
  page(i: number): void;
  /** one MATCH expression on the plain copy of the search index, as the search sends it */
  search(match: string): void;
  close(): void;
}

export function plainCopy(vault: RawDatabase, path: string): PlainCatalog {
  const plain = new Database(path);
  plain.pragma('journal_mode = WAL');
  plain.exec(
    `CREATE VIRTUAL TABLE search_index USING fts5(title, body, facets, tokenize = 'unicode61 remove_diacritics 2');
     CREATE VIRTUAL TABLE search_terms USING fts5vocab(search_index, 'instance')`,
  );
  const channelColumns = (vault.prepare('SELECT * FROM channels LIMIT 1').columns() as Array<{ name: string }>).map(
    (c) => c.name,
  );
  plain.exec(`CREATE TABLE channels (id INTEGER PRIMARY KEY, ${channelColumns.filter((c) => c !== 'id').join(', ')})`);
  const insertChannel = plain.prepare(
    `INSERT INTO channels (${channelColumns.join(', ')}) VALUES (${channelColumns.map(() => '?').join(', ')})`,
  );
  const insertDoc = plain.prepare('INSERT INTO search_index (rowid, title, body, facets) VALUES (?, ?, ?, ?)');
  plain.transaction(() => {
    for (const row of vault.prepare('SELECT * FROM channels').raw().iterate()) insertChannel.run(...(row as unknown[]));
    for (const row of vault.prepare('SELECT rowid, title, body, facets FROM search_index').raw().iterate())
      insertDoc.run(...(row as unknown[]));
  })();
  const max = (plain.prepare('SELECT max(rowid) AS n FROM channels').get() as { n: number }).n;
  const pageRows = plain.prepare('SELECT * FROM channels WHERE rowid > ? ORDER BY rowid LIMIT 200');
  const matchRows = plain.prepare(
    "SELECT s.rowid, s.title, snippet(search_index, 1, char(57344), char(57345), '…', 12) AS snippet FROM search_index s WHERE search_index MATCH ? ORDER BY s.rowid DESC LIMIT 50",
  );
  return {
    db: new Db(plain),
    page: (i) => pageRows.all(((i * 7919) % max) - 200),
    search: (match) => matchRows.all(match),
    close: () => plain.close(),
  };
}
