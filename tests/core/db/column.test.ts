import { describe, expect, it } from 'vitest';
import { sql } from '../../../electron/core/db/sql';
import { newVault } from '../../fixtures/temp';

describe("a query's first column (Db.column)", () => {
  it('gives each row its first value, in order, and the same query asked for rows after gives rows', async () => {
    const { session } = await newVault();
    const db = session.db;
    db.raw.exec('CREATE TABLE numbers (n INTEGER, word TEXT)');
    db.tx(() => {
      for (const [n, word] of [
        [3, 'three'],
        [1, 'one'],
        [2, 'two'],
      ] as const)
        db.run(sql`INSERT INTO numbers VALUES (${n}, ${word})`);
    });
    const query = () => sql`SELECT n, word FROM numbers WHERE n > ${0} ORDER BY n`;
    expect(db.column<number>(query())).toEqual([1, 2, 3]);
    // the statement is the cached one: asked for rows now, it gives whole rows again
    expect(db.all(query())).toEqual([
      { n: 1, word: 'one' },
      { n: 2, word: 'two' },
      { n: 3, word: 'three' },
    ]);
    expect(db.column<number>(sql`SELECT n FROM numbers WHERE n > ${5}`)).toEqual([]);
    session.close('test');
  });
});
