import { describe, expect, it } from 'vitest';
import { matchRoute, routePaths } from './app-route';

describe('routes', () => {
  it('matches the pages and builds their paths', () => {
    expect(matchRoute('/')).toEqual({ page: 'journeys' });
    expect(matchRoute('/journeys/')).toEqual({ page: 'journeys' });
    expect(matchRoute(routePaths.journey('a b'))).toEqual({ page: 'journey', journeyId: 'a b' });
    expect(matchRoute('/inbox')).toEqual({ page: 'inbox' });
    expect(matchRoute('/elsewhere')).toEqual({ page: 'not-found', path: '/elsewhere' });
  });
});
