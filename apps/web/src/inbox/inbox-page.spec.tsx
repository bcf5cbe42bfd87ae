import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InboxPage } from './InboxPage';

function answer(status: number, body: unknown): Promise<Response> {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

afterEach(() => vi.unstubAllGlobals());

describe('sandbox inbox', () => {
  it('says "not available yet" when the API has no inbox route', async () => {
    vi.stubGlobal('fetch', vi.fn(() => answer(404, { statusCode: 404, message: 'Cannot GET /api/v1/messages' })));
    render(<InboxPage />);
    expect(await screen.findByText('Not available yet')).toBeTruthy();
  });

  it('lists what the sandbox recorded', async () => {
    const message = {
      id: 'm1',
      createdAt: '2026-11-27T10:00:00.000Z',
      channel: 'whatsapp',
      provider: 'sandbox',
      status: 'sent',
      statusHistory: [],
      userId: 'user-42',
      journeyId: 'j1',
      journeyName: 'Promo',
      nodeId: 'whatsapp',
      content: { template: { name: 'promo_offer', language: 'en', bodyParameters: ['Ana'] } },
      error: null,
    };
    const fetch = vi.fn((_url: string) => answer(200, { messages: [message], nextBefore: null }));
    vi.stubGlobal('fetch', fetch);
    render(<InboxPage />);
    expect(await screen.findByText('Template promo_offer (en): Ana')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Promo' }).getAttribute('href')).toBe('/journeys/j1');
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/messages?provider=sandbox&limit=100');
  });
});
