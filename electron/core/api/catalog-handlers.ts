import { PLATFORMS } from '../../common/platforms';
import { allTags } from '../catalog/tags';
import { CHANNEL_STATUSES, categoriesFor, categoriesInUseBeyond, lastCategory } from '../catalog/vocabulary';
import type { HandlersFor } from './handler-types';

export const catalogHandlers: HandlersFor<'catalog'> = {
  'catalog.vocabulary': (_a, app) => {
    const db = app.requireSession().db;
    return {
      categories: categoriesFor(app.policy),
      categoriesInUse: categoriesInUseBeyond(db, app.policy),
      lastCategory: lastCategory(db, app.policy),
      statuses: [...CHANNEL_STATUSES],
      platforms: [...PLATFORMS],
      tags: allTags(db),
      categoriesLocked: app.policy.categories !== undefined,
    };
  },
};
