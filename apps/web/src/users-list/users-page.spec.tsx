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

describe('the users page', () => {
  it('lists users, searches and pages with the cursor', async () => {
    const fetch = vi.fn((url: string) => answer(200, url.includes('cursor=c1') ? { users: [user('carl')], nextCursor: null } : { users: [user('ann'), user('bob')], nextCursor: 'c1' }));
    vi.stubGlobal('fetch', fetch);
    render(<UsersPage />);
    expect((await screen.findByRole('link', { name: 'ann' })).getAttribute('href')).toBe('/users/ann');
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/users?limit=50');

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'carl' })).toBeTruthy();
    expect(fetch.mock.lastCall![0]).toBe('/api/v1/users?cursor=c1&limit=50');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search users' }), { target: { value: ' +49151 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await screen.findByRole('link', { name: 'ann' });
    expect(fetch.mock.lastCall![0]).toBe('/api/v1/users?search=%2B49151&limit=50');
  });

  it('lists the users at a step when opened from its counter', async () => {
    window.history.replaceState(null, '', '/users?journeyId=j1&nodeId=push');
    const fetch = vi.fn((_url: string) => answer(200, { users: [user('sam')], nextCursor: null }));
    vi.stubGlobal('fetch', fetch);
    render(<UsersPage />);
    expect(await screen.findByRole('link', { name: 'sam' })).toBeTruthy();
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/users?journeyId=j1&nodeId=push&limit=50');
    expect(screen.getByRole('status').textContent).toContain('Users currently at step push');
  });
});
