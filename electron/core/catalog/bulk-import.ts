import { parseCsv } from '../csv';
import { JejakError } from '../errors';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import { addOrFindChannel, findChannelId } from './channels';
import type { ChannelInput } from './channel-types';
import { parseLink, parseLinks } from './links';
import { CHANNEL_STATUSES, type ChannelStatus, categoriesFor } from './vocabulary';

export type ImportRowState = 'new' | 'existing' | 'repeated' | 'invalid';

export interface ImportRow {
  line: number;
  input: string;
  state: ImportRowState;
  reason?: string;
  /** why, as a stable code the window translates: a link-parser code, no-link, unknown-category, unknown-status, repeated */
  code?: string;
  platform?: string;
  key?: string;
  canonicalUrl?: string;
  existingId?: number;
  channel?: ChannelInput;
}

export interface ImportPreview {
  rows: ImportRow[];
  counts: Record<ImportRowState, number>;
}

const MAX_ROWS = 20_000;

/** A CSV with a header row naming a "url" column; anything else is pasted text, one link per line or word. */
type RawInput = { line: number; input: ChannelInput | { error: string; code: string; input: string } };

function readInputs(text: string): RawInput[] {
  const firstLine = text.split(/\r?\n/, 1)[0]!.toLowerCase();
  if (/(^|,)\s*"?url"?\s*(,|$)/.test(firstLine)) {
    const [header, ...body] = parseCsv(text);
    const col = (name: string) => header!.findIndex((h) => h.trim().toLowerCase() === name);
    const [url, title, category, status, tags, notes, subscribers] = [
      'url',
      'title',
      'category',
      'status',
      'tags',
      'notes',
      'subscribers',
    ].map(col);
    return body.map((cells, i) => {
      const get = (idx: number | undefined) => (idx !== undefined && idx >= 0 ? (cells[idx] ?? '').trim() : '');
      const subs = get(subscribers);
      return {
        line: i + 2,
        input: {
          url: get(url),
          title: get(title) || undefined,
          category: get(category) || undefined,
          status: (get(status) || undefined) as ChannelStatus | undefined,
          tags: get(tags) ? get(tags).split(/[;|]/) : undefined,
          notes: get(notes) || undefined,
          subscriberCount: subs && /^\d+$/.test(subs) ? Number(subs) : undefined,
        },
      };
    });
  }
  return text.split(/\r?\n/).flatMap((lineText, i): RawInput[] => {
    const results = parseLinks(lineText);
    const links = results.flatMap((r): RawInput[] => (r.ok ? [{ line: i + 1, input: { url: r.link.input } }] : []));
    // Words around a link ("Kanal: t.me/x") are not errors; a line with no link at all is one.
    if (links.length > 0 || results.length === 0) return links;
    const first = results[0] as { error: { reason: string; code: string } };
    const single = results.length === 1;
    return [
      {
        line: i + 1,
        input: {
          error: single ? first.error.reason : `No link on this line. ${first.error.reason}`,
          code: single ? first.error.code : 'no-link',
          input: lineText.trim(),
        },
      },
    ];
  });
}

/** `category` goes to every line that names none; without it, the vault's last chosen category. */
export function previewImport(session: VaultSession, policy: Policy, text: string, category?: string): ImportPreview {
  const inputs = readInputs(text);
  if (inputs.length > MAX_ROWS)
    throw new JejakError(
      'INVALID_INPUT',
      `At most ${MAX_ROWS} rows at once; this has ${inputs.length}. Split the file.`,
    ).because('importError.too-many-rows', { max: MAX_ROWS, rows: inputs.length });
  const seen = new Map<string, number>();
  const categories = categoriesFor(policy);
  if (category !== undefined && !categories.includes(category))
    throw new JejakError('INVALID_INPUT', `Unknown category "${category}". Known: ${categories.join(', ')}.`);
  const rows = inputs.map(({ line, input }): ImportRow => {
    if ('error' in input) return { line, input: input.input, state: 'invalid', reason: input.error, code: input.code };
    const parsed = parseLink(input.url);
    if (!parsed.ok)
      return { line, input: input.url, state: 'invalid', reason: parsed.error.reason, code: parsed.error.code };
    const { link } = parsed;
    if (input.category && !categories.includes(input.category))
      return {
        line,
        input: input.url,
        state: 'invalid',
        reason: `Unknown category "${input.category}".`,
        code: 'unknown-category',
      };
    if (input.status && !(CHANNEL_STATUSES as readonly string[]).includes(input.status))
      return {
        line,
        input: input.url,
        state: 'invalid',
        reason: `Unknown status "${input.status}".`,
        code: 'unknown-status',
      };
    const base = {
      line,
      input: link.input,
      platform: link.platform,
      key: link.key,
      canonicalUrl: link.canonicalUrl,
      channel: { ...input, category: input.category ?? category },
    };
    const firstLine = seen.get(link.key);
    if (firstLine !== undefined)
      return { ...base, state: 'repeated', reason: `Same channel as line ${firstLine}.`, code: 'repeated' };
    seen.set(link.key, line);
    const existingId = findChannelId(session, link.key);
    return existingId !== undefined ? { ...base, state: 'existing', existingId } : { ...base, state: 'new' };
  });
  const counts = { new: 0, existing: 0, repeated: 0, invalid: 0 };
  for (const r of rows) counts[r.state]++;
  return { rows, counts };
}

/**
 * Adds every new channel and records the new links of existing ones, in one transaction: all or
 * nothing. The preview is recomputed here; the window's copy is never trusted.
 */
export function commitImport(
  session: VaultSession,
  policy: Policy,
  text: string,
  category?: string,
): ImportPreview & { added: number } {
  const preview = previewImport(session, policy, text, category);
  let added = 0;
  const now = new Date().toISOString();
  session.db.tx(() => {
    for (const row of preview.rows) {
      if (row.state !== 'new' && row.state !== 'existing' && row.state !== 'repeated') continue;
      if (addOrFindChannel(session, policy, row.channel!, now).created) added++;
    }
    session.audit({ action: 'channel.imported', details: { added, ...preview.counts } });
  });
  return { ...preview, added };
}
