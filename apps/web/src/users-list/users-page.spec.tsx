import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsersPage } from './UsersPage';

function answer(status: number, body: unknown): Promise<Response> {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const user = (userId: string) => ({ userId, email: `${userId}@example.com`, phone: null, lastSeenAt: '2026-01-05T10:00:00.000Z' });
const SEGMENTS = [{ id: 'seg-1', name: 'VIPs', description: '', condition: { field: 'tags.vip', op: 'eq', value: true }, usedBy: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }];
/** Answers the saved segments for the segment filter, and `users` for the users list. */
const routes = (users: (url: string) => unknown) => vi.fn((url: string) => (url.startsWith('/api/v1/segments') ? answer(200, SEGMENTS) : answer(200, users(url))));
const listCalls = (fetch: ReturnType<typeof routes>) => fetch.mock.calls.map(([url]) => url).filter((url) => url.startsWith('/api/v1/users'));

describe('the users page', () => {
  it('lists users, searches and pages with the cursor', async () => {
    const fetch = routes((url) => (url.includes('cursor=c1') ? { users: [user('carl')], nextCursor: null } : { users: [user('ann'), user('bob')], nextCursor: 'c1' }));
    vi.stubGlobal('fetch', fetch);
    render(<UsersPage />);
    expect((await screen.findByRole('link', { name: 'ann' })).getAttribute('href')).toBe('/users/ann');
    expect(listCalls(fetch)[0]).toBe('/api/v1/users?limit=50');

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'carl' })).toBeTruthy();
    expect(listCalls(fetch).at(-1)).toBe('/api/v1/users?cursor=c1&limit=50');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search users' }), { target: { value: ' +49151 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await screen.findByRole('link', { name: 'ann' });
    expect(listCalls(fetch).at(-1)).toBe('/api/v1/users?search=%2B49151&limit=50');
  });

  it('narrows the list to a saved segment', async () => {
    const fetch = routes((url) => ({ users: [user(url.includes('segmentId=seg-1') ? 'vip' : 'ann')], nextCursor: null }));
    vi.stubGlobal('fetch', fetch);
    render(<UsersPage />);
    await screen.findByRole('link', { name: 'ann' });
    fireEvent.change(await screen.findByRole('combobox', { name: 'Segment' }), { target: { value: 'seg-1' } });
    expect(await screen.findByRole('link', { name: 'vip' })).toBeTruthy();
    expect(listCalls(fetch).at(-1)).toBe('/api/v1/users?segmentId=seg-1&limit=50');
    expect(screen.getByRole('option', { name: 'In segment: VIPs' })).toBeTruthy();
  });

  it('lists the users at a step when opened from its counter', async () => {
    window.history.replaceState(null, '', '/users?journeyId=j1&nodeId=push');
    const fetch = routes(() => ({ users: [user('sam')], nextCursor: null }));
    vi.stubGlobal('fetch', fetch);
    render(<UsersPage />);
    expect(await screen.findByRole('link', { name: 'sam' })).toBeTruthy();
    expect(listCalls(fetch)[0]).toBe('/api/v1/users?journeyId=j1&nodeId=push&limit=50');
    expect(screen.getByRole('status').textContent).toContain('Users currently at step push');
  });
});
