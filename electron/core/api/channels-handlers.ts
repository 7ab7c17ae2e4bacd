import { commitImport, previewImport } from '../catalog/bulk-import';
import { addOrFindChannel, findChannelId, getChannel, setChannelStatus, updateChannel } from '../catalog/channels';
import { listChannels } from '../catalog/channel-list';
import { parseLink } from '../catalog/links';
import { excludeItem, restoreItem } from '../catalog/exclusion';
import type { HandlersFor } from './handler-types';

export const channelsHandlers: HandlersFor<'channels'> = {
  'channels.list': (args, app) => listChannels(app.requireSession().db, args),
  'channels.get': ({ id }, app) => getChannel(app.requireSession(), id),
  'channels.add': (input, app) => {
    const session = app.requireSession();
    const { id, created } = addOrFindChannel(session, app.policy, input);
    return { channel: getChannel(session, id), created };
  },
  'channels.update': ({ id, ...patch }, app) => updateChannel(app.requireSession(), app.policy, id, patch),
  'channels.setStatus': ({ id, status, note }, app) => setChannelStatus(app.requireSession(), id, status, note),
  'channels.previewImport': ({ text, category }, app) =>
    previewImport(app.requireSession(), app.policy, text, category),
  'channels.commitImport': ({ text, category }, app) => commitImport(app.requireSession(), app.policy, text, category),
  'channels.exclude': ({ id, reason }, app) => {
    const session = app.requireSession();
    excludeItem(session, 'channel', id, reason);
    return getChannel(session, id);
  },
  'channels.restore': ({ id }, app) => {
    const session = app.requireSession();
    restoreItem(session, 'channel', id);
    return getChannel(session, id);
  },
  'channels.parseLink': ({ url }, app) => {
    const parsed = parseLink(url);
    if (!parsed.ok) return { ok: false as const, reason: parsed.error.reason, code: parsed.error.code };
    const { platform, kind, key, canonicalUrl, post } = parsed.link;
    return {
      ok: true as const,
      platform,
      kind,
      key,
      canonicalUrl,
      existingId: findChannelId(app.requireSession(), key) ?? null,
      post: post ?? null,
    };
  },
};
