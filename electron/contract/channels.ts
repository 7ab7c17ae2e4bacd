import { z } from 'zod';
import { MAX_IMPORT_CHARS, TEXT_LIMITS } from '../common/limits';
import { exclusionSchema, exclusionViewSchema, idSchema as id, tagsSchema as tags } from './shared';

const shortText = z.string().max(TEXT_LIMITS.short);
const longText = z.string().max(TEXT_LIMITS.notes);
const isoDate = z.string().max(40);
export const channelStatusSchema = z.enum(['active', 'reported', 'blocked', 'not-actioned', 'reappeared']);

export const channelSummarySchema = z.object({
  id: z.number(),
  platform: z.string(),
  kind: z.string(),
  key: z.string(),
  canonicalUrl: z.string(),
  handle: z.string().nullable(),
  title: z.string(),
  category: z.string(),
  status: channelStatusSchema,
  subscriberCount: z.number().nullable(),
  subscriberSeenAt: z.string().nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  createdAt: z.string(),
  evidenceCount: z.number(),
  excluded: exclusionSchema,
});

/** a row of the list where a page starts or ends: its id and the values the sort orders read */
const channelCursorSchema = z.object({
  id,
  title: longText,
  status: channelStatusSchema,
  platform: z.string().max(80),
  category: z.string().max(80),
  lastSeen: isoDate,
  createdAt: isoDate,
});

export const channelDetailSchema = channelSummarySchema.extend({
  notes: z.string(),
  tags: z.array(z.string()),
  urls: z.array(z.object({ url: z.string(), postId: z.string().nullable(), addedAt: z.string() })),
  statusHistory: z.array(z.object({ status: z.string(), at: z.string(), actor: z.string(), note: z.string() })),
  hashListItems: z.number(),
});

export const channelFilterSchema = z.object({
  platform: z.string().max(20).optional(),
  status: z.string().max(20).optional(),
  category: z.string().max(80).optional(),
  tag: z.string().max(TEXT_LIMITS.tag).optional(),
  text: z.string().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  excluded: exclusionViewSchema.optional(),
});

const importRowSchema = z.object({
  line: z.number(),
  input: z.string(),
  state: z.enum(['new', 'existing', 'repeated', 'invalid']),
  reason: z.string().optional(),
  code: z.string().optional(),
  platform: z.string().optional(),
  key: z.string().optional(),
  canonicalUrl: z.string().optional(),
  existingId: z.number().optional(),
});
const importPreviewSchema = z.object({
  rows: z.array(importRowSchema),
  counts: z.object({ new: z.number(), existing: z.number(), repeated: z.number(), invalid: z.number() }),
});

export const channelsContract = {
  'channels.list': {
    args: z.object({
      filter: channelFilterSchema,
      sort: z.enum(['created', 'title', 'status', 'platform', 'lastSeen', 'category']),
      descending: z.boolean(),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(500),
      /** the page starts after this row (the last of the page before); offset counts from it */
      after: channelCursorSchema.optional(),
      /** the page ends before this row (the first of the page after); offset counts back from it */
      before: channelCursorSchema.optional(),
    }),
    result: z.object({ total: z.number(), rows: z.array(channelSummarySchema) }),
  },
  'channels.get': { args: z.object({ id }), result: channelDetailSchema },
  'channels.add': {
    args: z.object({
      url: z.string().max(4096),
      title: shortText.optional(),
      category: z.string().max(80).optional(),
      status: channelStatusSchema.optional(),
      tags: tags.optional(),
      notes: longText.optional(),
      subscriberCount: z.number().int().min(0).nullable().optional(),
    }),
    result: z.object({ channel: channelDetailSchema, created: z.boolean() }),
  },
  'channels.update': {
    args: z.object({
      id,
      title: shortText.optional(),
      category: z.string().max(80).optional(),
      tags: tags.optional(),
      notes: longText.optional(),
      subscriberCount: z.number().int().min(0).nullable().optional(),
    }),
    result: channelDetailSchema,
  },
  'channels.setStatus': {
    args: z.object({ id, status: channelStatusSchema, note: shortText.optional() }),
    result: channelDetailSchema,
  },
  /** category: for lines that do not name one (pasted links, a CSV without the column) */
  'channels.previewImport': {
    args: z.object({ text: z.string().max(MAX_IMPORT_CHARS), category: z.string().max(80).optional() }),
    result: importPreviewSchema,
  },
  'channels.commitImport': {
    args: z.object({ text: z.string().max(MAX_IMPORT_CHARS), category: z.string().max(80).optional() }),
    result: importPreviewSchema.extend({ added: z.number() }),
  },
  'channels.exclude': {
    args: z.object({ id, reason: z.string().min(1).max(TEXT_LIMITS.reason) }),
    result: channelDetailSchema,
  },
  'channels.restore': { args: z.object({ id }), result: channelDetailSchema },
  'channels.parseLink': {
    args: z.object({ url: z.string().max(4096) }),
    result: z.union([
      z.object({
        ok: z.literal(true),
        platform: z.string(),
        kind: z.string(),
        key: z.string(),
        canonicalUrl: z.string(),
        existingId: z.number().nullable(),
        post: z.object({ id: z.string(), url: z.string() }).nullable(),
      }),
      z.object({ ok: z.literal(false), reason: z.string(), code: z.string() }),
    ]),
  },
} as const;
