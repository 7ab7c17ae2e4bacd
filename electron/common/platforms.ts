/** The platforms a channel link is recognised on and a takedown request can go to, in the order forms offer them. */
export const PLATFORMS = [
  'telegram',
  'whatsapp',
  'facebook',
  'instagram',
  'x',
  'youtube',
  'tiktok',
  'website',
] as const;

export type Platform = (typeof PLATFORMS)[number];
