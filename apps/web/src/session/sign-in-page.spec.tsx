import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from '../api/api-client';
import { SignInPage } from './SignInPage';

function answer(status: number, body?: unknown): Promise<Response> {
  return Promise.resolve(new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

describe('sign-in page', () => {
  it('posts the email and password and shows the API’s refusal', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) => answer(401, { statusCode: 401, message: 'Wrong email or password' }));
    vi.stubGlobal('fetch', fetch);
    render(<SignInPage />);
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ann@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'not it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password');
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/auth/sign-in');
    expect(JSON.parse(fetch.mock.calls[0][1]?.body as string)).toEqual({ email: 'ann@example.com', password: 'not it' });
  });

  it('asks for a reset link and says where it went', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) => answer(202));
    vi.stubGlobal('fetch', fetch);
    render(<SignInPage />);
    fireEvent.click(screen.getByRole('button', { name: 'Forgot your password?' }));
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ann@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Make a reset link' }));
    expect((await screen.findByRole('status')).textContent).toContain("server's log");
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/auth/password-reset');
  });
});

describe('apiRequest', () => {
  it('sends the CSRF token from its cookie on writes only, and never an Authorization header', async () => {
    document.cookie = 'csrf=token-123';
    const fetch = vi.fn((_url: string, _init?: RequestInit) => answer(200, {}));
    vi.stubGlobal('fetch', fetch);
    await apiRequest('GET', '/api/v1/journeys');
    await apiRequest('POST', '/api/v1/journeys', { name: 'x' });
    const headers = fetch.mock.calls.map((call) => call[1]?.headers as Record<string, string>);
    expect(headers[0]['X-CSRF-Token']).toBeUndefined();
    expect(headers[1]['X-CSRF-Token']).toBe('token-123');
    expect(headers.some((h) => 'Authorization' in h)).toBe(false);
  });
});
