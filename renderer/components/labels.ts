/**
 * Words for the catalog's fixed vocabularies (statuses, platforms, kinds, categories, media types) in the
 * user's language. A value we have no words for yet is shown as the core sent it.
 */
import { type Language, type Translate, textOr } from '../i18n';

export function statusLabel(t: Translate, status: string): string {
  return textOr(t, `status.${status}`, status);
}

export function platformLabel(t: Translate, platform: string): string {
  return textOr(t, `platform.${platform}`, platform);
}

/** A category in the user's language; a value of an older or policy list is shown as stored. */
export function categoryLabel(t: Translate, category: string): string {
  return textOr(t, `category.${category}`, category);
}

export function kindLabel(t: Translate, kind: string): string {
  return textOr(t, `kind.${kind}`, kind);
}

export type MediaKind = 'image' | 'video' | 'pdf' | 'other';

/** Only these are ever drawn on screen; everything else is described, never rendered. */
export const RENDERABLE_IMAGES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

export function isRenderableImage(mediaType: string): boolean {
  return (RENDERABLE_IMAGES as readonly string[]).includes(mediaType);
}

export function mediaKind(mediaType: string): MediaKind {
  if (mediaType.startsWith('image/')) return 'image';
  if (mediaType.startsWith('video/')) return 'video';
  if (mediaType === 'application/pdf') return 'pdf';
  return 'other';
}

export function mediaKindLabel(t: Translate, mediaType: string): string {
  return textOr(t, `media.${mediaKind(mediaType)}`, mediaType);
}

const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

export function formatDate(iso: string | null, language: Language): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium' }).format(date);
}

/** Sizes as people read them: 1 KB is 1,024 bytes here, as file managers on Windows show it. */
export function formatBytes(bytes: number, language: Language): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
