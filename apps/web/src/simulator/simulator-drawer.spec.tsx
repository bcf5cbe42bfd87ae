import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventsApi } from '../api/events-api';
import { journeysApi } from '../api/journeys-api';
import { CanvasPage } from '../canvas/CanvasPage';
import { journeyDetail, omnichannel } from '../testing/journey-fixtures';
import { toDateTimeLocal } from './simulated-user';

const draft = journeyDetail(omnichannel());

beforeEach(() => {
  vi.spyOn(journeysApi, 'get').mockResolvedValue(structuredClone(draft));
  vi.spyOn(journeysApi, 'update').mockImplementation((_id, request) => Promise.resolve({ ...draft, graph: request.graph ?? draft.graph }));
  vi.spyOn(eventsApi, 'names').mockResolvedValue([]);
});

afterEach(() => vi.restoreAllMocks());

async function openSimulator(): Promise<HTMLElement> {
  render(<CanvasPage journeyId="j1" />);
  fireEvent.click(await screen.findByRole('button', { name: 'Simulate' }));
  return screen.getByRole('complementary', { name: 'Simulate' });
}

function choose(drawer: HTMLElement, label: RegExp): void {
  fireEvent.click(within(drawer).getByRole('button', { name: label }));
}

const onPath = (): string[] =>
  [...document.querySelectorAll('.node-card--on-path')].map((card) => card.getAttribute('data-node-id') ?? '');

describe('simulator', () => {
  it('takes the omnichannel journey down the "not opened" path, showing each message and the path on the canvas', async () => {
    const track = vi.spyOn(eventsApi, 'track');
    const drawer = await openSimulator();
    fireEvent.change(within(drawer).getByLabelText('Time zone'), { target: { value: 'UTC' } });
    fireEvent.change(within(drawer).getByLabelText('Starts at'), { target: { value: toDateTimeLocal(Date.UTC(2026, 2, 2, 10, 0)) } });
    fireEvent.click(within(drawer).getByRole('button', { name: 'Start simulation' }));
    choose(drawer, /^Performs PW_WhatsAppReceived/);
    expect(within(drawer).getByText(/Sends the push “Your promo is here”/)).toBeTruthy();
    choose(drawer, /^Does nothing until/);
    expect(within(drawer).getByText(/Sends the email “Ana, your 20% promo”/)).toBeTruthy();
    choose(drawer, /^Does nothing until/);
    expect(within(drawer).getByText(/Sends the WhatsApp template promo_offer/)).toBeTruthy();
    expect(within(drawer).getByText('The user left the journey.')).toBeTruthy();
    expect(onPath().sort()).toEqual(['email', 'email-opened', 'entry', 'exit-whatsapp', 'push', 'push-opened', 'whatsapp']);
    // Nothing reached the API: a simulated user never counts in live statistics.
    expect(track).not.toHaveBeenCalled();
  });

  it('shows a message held by silent hours and why a message to an unreachable user is not sent', async () => {
    const drawer = await openSimulator();
    fireEvent.change(within(drawer).getByLabelText('Time zone'), { target: { value: 'Europe/Berlin' } });
    // 23:00 in Berlin: inside the example's silent hours for push (22:00-08:00).
    fireEvent.change(within(drawer).getByLabelText('Starts at'), { target: { value: toDateTimeLocal(Date.UTC(2026, 2, 2, 22, 0)) } });
    fireEvent.click(within(drawer).getByLabelText('Email'));
    fireEvent.click(within(drawer).getByRole('button', { name: 'Start simulation' }));
    choose(drawer, /^Performs PW_WhatsAppReceived/);
    expect(within(drawer).getByText(/Waiting to send: Held by silent hours until Tue 3 Mar, 08:00 Europe\/Berlin/)).toBeTruthy();
    choose(drawer, /^Wait until silent hours end/);
    choose(drawer, /^Does nothing until/);
    expect(within(drawer).getByText(/Not sent: The user cannot be reached by email/)).toBeTruthy();
  });
});
