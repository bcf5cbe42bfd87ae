import { describe, expect, it } from 'vitest';
import { isPublicRoute, matchRoute, routePaths } from './app-route';

describe('routes', () => {
  it('matches the pages and builds their paths', () => {
    expect(matchRoute('/')).toEqual({ page: 'journeys' });
    expect(matchRoute('/journeys/')).toEqual({ page: 'journeys' });
    expect(matchRoute(routePaths.journey('a b'))).toEqual({ page: 'journey', journeyId: 'a b' });
    expect(matchRoute('/inbox')).toEqual({ page: 'inbox' });
    expect(matchRoute(routePaths.users())).toEqual({ page: 'users' });
    expect(routePaths.users({ journeyId: 'j 1', nodeId: 'push' })).toBe('/users?journeyId=j+1&nodeId=push');
    expect(matchRoute(routePaths.user('ann/42'))).toEqual({ page: 'user', userId: 'ann/42' });
    expect(matchRoute(routePaths.segments())).toEqual({ page: 'segments' });
    expect(matchRoute('/elsewhere')).toEqual({ page: 'not-found', path: '/elsewhere' });
    expect(matchRoute(routePaths.members())).toEqual({ page: 'members' });
    expect(matchRoute(routePaths.apiKeys())).toEqual({ page: 'api-keys' });
    expect(matchRoute(routePaths.account())).toEqual({ page: 'account' });
  });

  it('opens only the one-time link pages without a session', () => {
    expect(isPublicRoute(matchRoute('/reset-password'))).toBe(true);
    expect(isPublicRoute(matchRoute('/accept-invitation'))).toBe(true);
    expect(['/', '/inbox', '/members', '/api-keys', '/account', '/journeys/x'].map((path) => isPublicRoute(matchRoute(path)))).toEqual([false, false, false, false, false, false]);
  });
});
