import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type UserStory } from '../api/user-types';
import { UserPage } from './UserPage';

function answer(status: number, body: unknown): Promise<Response> {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

afterEach(() => vi.unstubAllGlobals());

const story: UserStory = {
  user: {
    userId: 'olga',
    tags: { plan: 'gold' },
    email: 'olga@example.com',
    phone: null,
    timeZone: 'Europe/Paris',
    language: null,
    optIns: { push: true, email: false, whatsapp: true, sms: true },
    pushTokens: [],
    lastInboundWhatsAppAt: null,
    country: null,
    lastSeenAt: null,
    reachable: { push: false, email: false, whatsapp: false, sms: false },
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
  },
  reachability: [
    { channel: 'push', reachable: false, reason: 'the user has no push token' },
    { channel: 'email', reachable: false, reason: 'the user opted out of email' },
    { channel: 'whatsapp', reachable: false, reason: 'the user has no phone number' },
    { channel: 'sms', reachable: false, reason: 'the user has no phone number' },
  ],
  events: [{ id: '1', name: 'Signup', attributes: {}, occurredAt: '2026-01-05T10:00:00.000Z' }],
  eventsNextCursor: null,
  journeys: [
    {
      instanceId: 'i1',
      journeyId: 'j1',
      journeyName: 'Welcome',
      version: 2,
      status: 'completed',
      currentNodeId: 'exit',
      enteredAt: '2026-01-05T10:00:00.000Z',
      endedAt: '2026-01-05T10:00:01.000Z',
      nodes: [
        { id: 'signup', type: 'entry.event' },
        { id: 'email', type: 'send.email', label: 'Welcome mail' },
        { id: 'exit', type: 'exit' },
      ],
      steps: [
        { kind: 'entered', node: 'signup', event: 'Signup', at: '2026-01-05T10:00:00.000Z' },
        { kind: 'reached', node: 'email', from: 'signup', at: '2026-01-05T10:00:00.000Z' },
        { kind: 'send-outcome', node: 'email', visit: 1, outcome: 'not_sent', reason: 'Not sent: the user opted out of email', at: '2026-01-05T10:00:01.000Z' },
        { kind: 'exited', node: 'exit', reason: 'completed', at: '2026-01-05T10:00:01.000Z' },
      ],
      stepsDropped: 0,
      sends: [
        {
          messageId: 'm1',
          nodeId: 'email',
          channel: 'email',
          askedAt: '2026-01-05T10:00:00.000Z',
          status: 'suppressed',
          statusHistory: [{ status: 'suppressed', at: '2026-01-05T10:00:01.000Z', detail: 'Not sent: the user opted out of email' }],
          state: 'suppressed',
          cause: 'opted-out',
          reason: 'Not sent: the user opted out of email.',
        },
      ],
    },
  ],
  messages: [],
};

describe('a user page', () => {
  it("shows the journey's steps and each message not sent with its reason", async () => {
    const fetch = vi.fn((_url: string) => answer(200, story));
    vi.stubGlobal('fetch', fetch);
    render(<UserPage userId="olga" />);
    const journey = await screen.findByRole('article', { name: 'Welcome v2' });
    expect(within(journey).getByText('Entered at Entry on event (event Signup)')).toBeTruthy();
    expect(within(journey).getByText('Left the journey at Exit')).toBeTruthy();
    expect(within(journey).getByText('Not sent: the user opted out of email.')).toBeTruthy();
    expect(within(journey).getByText('Not sent')).toBeTruthy();
    expect(screen.getByText(/not reachable — the user opted out of email/)).toBeTruthy();
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/users/olga/story');
  });

  it('saves edited tags with only what changed', async () => {
    const fetch = vi.fn((_url: string, init?: RequestInit) => (init?.method === 'PUT' ? answer(200, story.user) : answer(200, story)));
    vi.stubGlobal('fetch', fetch);
    render(<UserPage userId="olga" />);
    fireEvent.change(await screen.findByLabelText('Tag 1 value'), { target: { value: 'platinum' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save tags' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(put[0]).toBe('/api/v1/users/olga');
    expect(JSON.parse(put[1]!.body as string)).toEqual({ tags: { plan: 'platinum' } });
  });

  it('says so when there is no such user', async () => {
    vi.stubGlobal('fetch', vi.fn(() => answer(404, { statusCode: 404, message: 'No user "nobody" in this project' })));
    render(<UserPage userId="nobody" />);
    expect(await screen.findByText('No such user')).toBeTruthy();
  });
});
