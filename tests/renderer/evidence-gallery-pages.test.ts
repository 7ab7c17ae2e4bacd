import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JejakApp } from '../../electron/core/app/jejak-app';
import { EVIDENCE_PAGE, useEvidenceStore } from '../../renderer/features/evidence/evidence-store';
import { openNewVault } from './real-api';
import { refreshed, until } from './store-until';

let app: JejakApp;
beforeEach(async () => {
  app = await openNewVault();
});
afterEach(() => app.lock('test'));

const ITEMS = 700;

/** 700 items written straight into the vault (no intakes): pairs share an intake second, every 9th came in out of order. */
function seedItems(): number[] {
  const raw = app.requireSession().db.raw;
  raw
    .prepare("INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES (?, ?, ?, 1, 'now')")
    .run('b'.repeat(64), 'b'.repeat(64), 'f'.repeat(128));
  const insert =
    raw.prepare(`INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, original_name, intake_at, taken_by, notes)
    VALUES (?, ?, ?, '', 1, 'image/png', ?, ?, 'a', '')`);
  const items: Array<{ id: number; at: string }> = [];
  raw.transaction(() => {
    for (let id = 1; id <= ITEMS; id++) {
      const second = id % 9 === 0 ? Math.floor(id / 2) - 30 : Math.floor(id / 2);
      const at = new Date(Date.UTC(2026, 0, 1) + second * 1000).toISOString();
      insert.run(id, 'b'.repeat(64), id.toString(16).padStart(64, '0'), `shot-${id}.png`, at);
      items.push({ id, at });
    }
  })();
  return items.sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id).map((i) => i.id);
}

const gallery = () => useEvidenceStore.getState();
const pageIds = (page: number) => (gallery().pages.get(page) ?? []).map((e) => e.id);
const scrollTo = async (page: number) => {
  gallery().ensureRange(page * EVIDENCE_PAGE, page * EVIDENCE_PAGE + 10);
  await until(useEvidenceStore, (s) => s.pages.has(page));
};

describe('the evidence gallery, page by page', { timeout: 60_000 }, () => {
  it('shows each page at its place, scrolled down to, jumped to, or scrolled up to from a jump', async () => {
    const newestFirst = seedItems();
    expect((await refreshed(useEvidenceStore)).total).toBe(ITEMS);
    await scrollTo(1);
    await scrollTo(2);
    expect([0, 1, 2].flatMap(pageIds)).toEqual(newestFirst.slice(0, 3 * EVIDENCE_PAGE));

    // A new filter starts over: jump to the last page, then scroll up from it.
    gallery().setFilter({ mediaType: 'image/png' });
    await until(useEvidenceStore, (s) => s.pages.has(0) && s.pages.size === 1);
    await scrollTo(3);
    await scrollTo(2);
    await scrollTo(1);
    expect([0, 1, 2, 3].flatMap(pageIds)).toEqual(newestFirst);
  });
});
