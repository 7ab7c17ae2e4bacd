/**
 * data/notice.json of a package, format "jejak-notice/1", as TypeScript types. The JSON Schema in
 * resources/schemas/jejak-notice-1.schema.json is the contract; these types mirror it for the builder.
 */
export const NOTICE_FORMAT = 'jejak-notice/1';
export const RESPONSE_FORMAT = 'jejak-response/1';
export const RESPONSE_SCHEMA_ID = 'urn:jejak:schema:jejak-response-1';

/** The fixed enumeration a platform routes on; the unit's own words map to it (categories.ts). */
export const NOTICE_CATEGORIES = [
  'terrorist-content',
  'violent-extremism',
  'hate-speech',
  'disinformation',
  'gambling',
  'pornography',
  'fraud',
  'illegal-lending',
  'other',
] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

export const REQUESTED_ACTIONS = ['remove', 'disable', 'geo-restrict', 'preserve'] as const;
export type RequestedAction = (typeof REQUESTED_ACTIONS)[number];

/** The DSA statement-of-reasons content types that apply to what Jejak catalogs. */
export type ContentType = 'text' | 'image' | 'video' | 'audio' | 'other';

export interface NoticeItem {
  itemId: string;
  kind: 'channel' | 'group' | 'account' | 'invite' | 'website' | 'post';
  parentItemId: string | null;
  platform: string;
  canonicalUrl: string;
  originalUrls: string[];
  identifiers: { username: string | null; channelId: string | null; messageIds: string[] };
  title: string;
  category: NoticeCategory;
  unitCategory: string;
  contentType: ContentType[];
  language: string | null;
  firstSeen: string;
  lastSeen: string;
  /** bag paths of the evidence entries about this item */
  evidence: string[];
}

export interface NoticeEvidence {
  /** bag path, e.g. data/evidence/001-0123456789ab.png */
  path: string;
  /** "sha256:<hex>" */
  sha256: string;
  /** "sha512:<hex>" */
  sha512: string;
  mediaType: string;
  size: number;
  capturedAt: string | null;
  intakeAt: string;
  /** "pdq:<hex>" (Meta's PDQ); "phash:<hex>" for an item taken in before PDQ whose hash is not made yet */
  perceptualHash: string | null;
  /** the text OCR read in the picture, when it has been read */
  recognisedText?: string;
}

export interface Notice {
  format: typeof NOTICE_FORMAT;
  noticeId: string;
  reference: string;
  revision: number;
  issuedAt: string;
  platform: string;
  authority: { unit: string; organisation: string | null; contactEmail: string | null; country: 'ID' };
  analyst: { name: string; fingerprint: string };
  signer: { role: 'analyst'; fingerprint: string };
  legalBasis: { provision: string | null; referenceUrl: string | null; explanation: string };
  goodFaith: true;
  priority: 'urgent' | 'normal';
  deadline: string;
  requestedAction: RequestedAction;
  preservationDays: number;
  items: NoticeItem[];
  evidence: NoticeEvidence[];
  response: {
    format: typeof RESPONSE_FORMAT;
    schema: typeof RESPONSE_SCHEMA_ID;
    noticeId: string;
    contactEmail: string | null;
    instructions: string;
  };
}
