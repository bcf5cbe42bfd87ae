/** The pages of the app and the paths they live at. */
export type AppRoute =
  | { page: 'journeys' }
  | { page: 'journey'; journeyId: string }
  | { page: 'inbox' }
  | { page: 'users' }
  | { page: 'user'; userId: string }
  | { page: 'audience-import' }
  | { page: 'audience-tags' }
  | { page: 'segments' }
  | { page: 'members' }
  | { page: 'api-keys' }
  | { page: 'account' }
  | { page: 'reset-password' }
  | { page: 'accept-invitation' }
  | { page: 'not-found'; path: string };

export function matchRoute(pathname: string): AppRoute {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/journeys') return { page: 'journeys' };
  if (path === '/inbox') return { page: 'inbox' };
  if (path === '/users') return { page: 'users' };
  const user = /^\/users\/([^/]+)$/.exec(path);
  if (user !== null) return { page: 'user', userId: decodeURIComponent(user[1]) };
  if (path === '/audience' || path === '/audience/import') return { page: 'audience-import' };
  if (path === '/audience/tags') return { page: 'audience-tags' };
  if (path === '/segments') return { page: 'segments' };
  if (path === '/members') return { page: 'members' };
  if (path === '/api-keys') return { page: 'api-keys' };
  if (path === '/account') return { page: 'account' };
  if (path === '/reset-password') return { page: 'reset-password' };
  if (path === '/accept-invitation') return { page: 'accept-invitation' };
  const journey = /^\/journeys\/([^/]+)$/.exec(path);
  if (journey !== null) return { page: 'journey', journeyId: decodeURIComponent(journey[1]) };
  return { page: 'not-found', path };
}

/** Pages that work without signing in (their links carry a one-time token). */
export function isPublicRoute(route: AppRoute): boolean {
  return route.page === 'reset-password' || route.page === 'accept-invitation';
}

export const routePaths = {
  journeys: (): string => '/',
  journey: (journeyId: string): string => `/journeys/${encodeURIComponent(journeyId)}`,
  inbox: (): string => '/inbox',
  /** The users page; with a journey and node, the users currently at that step. */
  users: (atStep?: { journeyId: string; nodeId: string }): string =>
    atStep === undefined ? '/users' : `/users?${new URLSearchParams({ journeyId: atStep.journeyId, nodeId: atStep.nodeId }).toString()}`,
  /** The users page narrowed to a saved segment. */
  usersInSegment: (segmentId: string): string => `/users?${new URLSearchParams({ segmentId }).toString()}`,
  user: (userId: string): string => `/users/${encodeURIComponent(userId)}`,
  audienceImport: (): string => '/audience/import',
  audienceTags: (): string => '/audience/tags',
  segments: (): string => '/segments',
  members: (): string => '/members',
  apiKeys: (): string => '/api-keys',
  account: (): string => '/account',
};
