import type { NoticeCategory } from './notice-types';

/**
 * The unit's categories (its own words, from policy or the defaults in catalog/vocabulary.ts) mapped
 * to the notice's fixed enumeration. The one place this mapping lives: add a unit word here.
 */
const CATEGORY_TABLE: Readonly<Record<string, NoticeCategory>> = {
  terorisme: 'terrorist-content',
  radikalisme: 'violent-extremism',
  'ujaran kebencian / sara': 'hate-speech',
  'ujaran kebencian': 'hate-speech',
  hoaks: 'disinformation',
  'judi online': 'gambling',
  'judi daring': 'gambling',
  pornografi: 'pornography',
  'penipuan / investasi ilegal': 'fraud',
  penipuan: 'fraud',
  'pinjol ilegal': 'illegal-lending',
  lainnya: 'other',
};

/** Case, spacing and spaces around "/" do not matter; a word the table does not know is "other". */
export function noticeCategory(unitCategory: string): NoticeCategory {
  const word = unitCategory
    .trim()
    .toLowerCase()
    .replace(/\s*\/\s*/g, ' / ')
    .replace(/\s+/g, ' ');
  return Object.hasOwn(CATEGORY_TABLE, word) ? (CATEGORY_TABLE[word] as NoticeCategory) : 'other';
}
