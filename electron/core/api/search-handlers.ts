import { search } from '../search/search';
import type { HandlersFor } from './handler-types';

export const searchHandlers: HandlersFor<'search'> = {
  'search.query': ({ text, filter, limit }, app) => ({ hits: search(app.requireSession().db, text, filter, limit) }),
};
