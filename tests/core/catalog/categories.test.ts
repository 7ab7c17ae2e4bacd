import { describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../electron/core/catalog/bulk-import';
import { addOrFindChannel, getChannel } from '../../../electron/core/catalog/channels';
import { DEFAULT_CATEGORIES, categoriesInUseBeyond, lastCategory } from '../../../electron/core/catalog/vocabulary';
import { sql } from '../../../electron/core/db/sql';
import { getEvidence } from '../../../electron/core/evidence/evidence-repo';
import { intakeBytes } from '../../../electron/core/evidence/intake';
import { POLICY, screenshotPng } from '../../fixtures/catalog';
import { newVault } from '../../fixtures/temp';

describe('categories', () => {
  it('default to what the unit files', () => {
    expect(DEFAULT_CATEGORIES).toEqual([
      'terorisme',
      'radikalisme',
      'ujaran kebencian / SARA',
      'hoaks',
      'judi online',
      'pornografi',
      'penipuan / investasi ilegal',
      'pinjol ilegal',
      'lainnya',
    ]);
  });

  it('remember the last one chosen in this vault, for adds that name none', async () => {
    const { session } = await newVault();
    expect(lastCategory(session.db, POLICY)).toBeNull();
    expect(getChannel(session, addOrFindChannel(session, POLICY, { url: 't.me/pertama' }).id).category).toBe('lainnya');
    addOrFindChannel(session, POLICY, { url: 't.me/judi_1', category: 'judi online' });
    expect(lastCategory(session.db, POLICY)).toBe('judi online');
    expect(getChannel(session, addOrFindChannel(session, POLICY, { url: 't.me/judi_2' }).id).category).toBe(
      'judi online',
    );
    // Intake asks for the category of a channel its source link adds.
    const taken = await intakeBytes(session, POLICY, await screenshotPng(5), {
      originalName: 's.png',
      sourceUrl: 'https://t.me/pinjol_cepat/12',
      category: 'pinjol ilegal',
    });
    expect(getChannel(session, getEvidence(session, taken.evidenceId).channelId!).category).toBe('pinjol ilegal');
    expect(lastCategory(session.db, POLICY)).toBe('pinjol ilegal');
    // A policy that no longer lists it is not second-guessed.
    expect(lastCategory(session.db, { categories: ['a', 'b'] })).toBeNull();
    session.close('test');
  });

  it('go to every pasted link that names none, and an unknown one is refused before anything is added', async () => {
    const { session } = await newVault();
    expect(() => previewImport(session, POLICY, 't.me/akun_satu\nt.me/akun_dua', 'tidak ada')).toThrow(
      /Unknown category "tidak ada"/,
    );
    const result = commitImport(
      session,
      POLICY,
      'url,category\nt.me/akun_satu,hoaks\nt.me/akun_dua,\n',
      'penipuan / investasi ilegal',
    );
    expect(result.added).toBe(2);
    const categories = session.db
      .all<{ category: string }>(sql`SELECT category FROM channels ORDER BY id`)
      .map((r) => r.category);
    expect(categories).toEqual(['hoaks', 'penipuan / investasi ilegal']);
    session.close('test');
  });

  it('keep values of an earlier list as they are, and say which ones the current list lacks', async () => {
    const { session } = await newVault();
    const old = { categories: ['separatisme', 'lainnya'] };
    const { id } = addOrFindChannel(session, old, { url: 't.me/kanal_lama', category: 'separatisme' });
    addOrFindChannel(session, POLICY, { url: 't.me/kanal_baru', category: 'hoaks' });
    expect(getChannel(session, id).category).toBe('separatisme');
    expect(categoriesInUseBeyond(session.db, POLICY)).toEqual(['separatisme']);
    session.close('test');
  });
});
