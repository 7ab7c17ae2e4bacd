import type { Db } from '../db/database';
import { sql } from '../db/sql';

export function normalizeTags(names: string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ').slice(0, 60);
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()];
}

function tagId(db: Db, name: string): number {
  db.run(sql`INSERT INTO tags (name) VALUES (${name}) ON CONFLICT(name) DO NOTHING`);
  return db.get<{ id: number }>(sql`SELECT id FROM tags WHERE name = ${name}`)!.id;
}

/** Replaces the tags of one channel or evidence item. */
export function setTags(db: Db, target: 'channel' | 'evidence', id: number, names: string[]): void {
  if (target === 'channel') {
    db.run(sql`DELETE FROM channel_tags WHERE channel_id = ${id}`);
    for (const name of normalizeTags(names))
      db.run(sql`INSERT INTO channel_tags (channel_id, tag_id) VALUES (${id}, ${tagId(db, name)})`);
  } else {
    db.run(sql`DELETE FROM evidence_tags WHERE evidence_id = ${id}`);
    for (const name of normalizeTags(names))
      db.run(sql`INSERT INTO evidence_tags (evidence_id, tag_id) VALUES (${id}, ${tagId(db, name)})`);
  }
}

export function tagsOf(db: Db, target: 'channel' | 'evidence', id: number): string[] {
  const rows =
    target === 'channel'
      ? db.all<{ name: string }>(
          sql`SELECT t.name FROM channel_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.channel_id = ${id} ORDER BY t.name`,
        )
      : db.all<{ name: string }>(
          sql`SELECT t.name FROM evidence_tags et JOIN tags t ON t.id = et.tag_id WHERE et.evidence_id = ${id} ORDER BY t.name`,
        );
  return rows.map((r) => r.name);
}

export function allTags(db: Db): string[] {
  return db.all<{ name: string }>(sql`SELECT name FROM tags ORDER BY name`).map((r) => r.name);
}
