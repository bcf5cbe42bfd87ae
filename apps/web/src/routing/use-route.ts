import { useMemo, useSyncExternalStore } from 'react';
import { type AppRoute, matchRoute } from './app-route';
import { subscribeToNavigation } from './navigation';

export function useRoute(): AppRoute {
  const pathname = useSyncExternalStore(subscribeToNavigation, () => window.location.pathname, () => '/');
  return useMemo(() => matchRoute(pathname), [pathname]);
}

/** The current query string's parameters (re-rendered on navigation). */
export function useSearchParams(): URLSearchParams {
  const search = useSyncExternalStore(subscribeToNavigation, () => window.location.search, () => '');
  return useMemo(() => new URLSearchParams(search), [search]);
}
