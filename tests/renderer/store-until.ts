import type { StoreApi } from 'zustand';

/**
 * Resolves with the store's state once `ready` holds for it: at once if it already does, else on
 * the first change that makes it true. Stores load in the background (a page fetched after a
 * filter changes); a test waits for the state a user would see, not for a length of time.
 */
export function until<S>(store: Pick<StoreApi<S>, 'getState' | 'subscribe'>, ready: (state: S) => boolean): Promise<S> {
  return new Promise((resolve) => {
    if (ready(store.getState())) return resolve(store.getState());
    const stop = store.subscribe((state) => {
      if (!ready(state)) return;
      stop();
      resolve(state);
    });
  });
}

interface PagedList {
  pages: ReadonlyMap<number, readonly unknown[]>;
  error: unknown;
  refresh(): void;
}

/**
 * Refreshes a paged list (channels, evidence) as its view does when shown, and resolves once the
 * new first page has arrived, or an error: the list as the user then sees it.
 */
export function refreshed<S extends PagedList>(store: Pick<StoreApi<S>, 'getState' | 'subscribe'>): Promise<S> {
  const stale = store.getState().pages.get(0);
  store.getState().refresh();
  return until(store, (s) => s.error !== null || (s.pages.has(0) && s.pages.get(0) !== stale));
}
