import type { Area } from '../../app/nav-store';

/** Where a detail page's Back button leads: an area, or the search results it was opened from. */
export type ReturnTo = Area | 'search';
