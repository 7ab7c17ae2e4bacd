import { commitImport, previewImport } from '../catalog/bulk-import';
import { addOrFindChannel, findChannelId, getChannel, setChannelStatus, updateChannel } from '../catalog/channels';
import { listChannels } from '../catalog/channel-list';
import { dashboardStats } from '../catalog/dashboard';
import { parseLink } from '../catalog/links';
import { allTags } from '../catalog/tags';
import { excludeItem, restoreItem } from '../catalog/exclusion';
import { CHANNEL_STATUSES, categoriesFor, categoriesInUseBeyond, lastCategory } from '../catalog/vocabulary';
import type { HandlersFor } from './handler-types';

export const PLATFORMS = ['telegram', 'whatsapp', 'facebook', 'instagram', 'x', 'youtube', 'tiktok', 'website'];

export const catalogHandlers: HandlersFor<'catalog'> = {
  'catalog.vocabulary': (_a, app) => {
    const db = app.requireSession().db;
    return {
      categories: categoriesFor(app.policy),
      categoriesInUse: categoriesInUseBeyond(db, app.policy),
      lastCategory: lastCategory(db, app.policy),
      statuses: [...CHANNEL_STATUSES],
      platforms: PLATFORMS,
      tags: allTags(db),
      categoriesLocked: app.policy.categories !== undefined,
    };
  },
};

export const channelHandlers: HandlersFor<'channels'> = {
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

export const dashboardHandlers: HandlersFor<'dashboard'> = {
  'dashboard.stats': (_a, app) => dashboardStats(app.requireSession().db),
};
