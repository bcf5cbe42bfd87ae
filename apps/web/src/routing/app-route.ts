/** The pages of the app and the paths they live at. */
export type AppRoute =
  | { page: 'journeys' }
  | { page: 'journey'; journeyId: string }
  | { page: 'inbox' }
  | { page: 'not-found'; path: string };

export function matchRoute(pathname: string): AppRoute {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/journeys') return { page: 'journeys' };
  if (path === '/inbox') return { page: 'inbox' };
  const journey = /^\/journeys\/([^/]+)$/.exec(path);
  if (journey !== null) return { page: 'journey', journeyId: decodeURIComponent(journey[1]) };
  return { page: 'not-found', path };
}

export const routePaths = {
  journeys: (): string => '/',
  journey: (journeyId: string): string => `/journeys/${encodeURIComponent(journeyId)}`,
  inbox: (): string => '/inbox',
};
