import { type JourneyGraph } from '@engine/journey';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { eventsApi, type ReceivedEventName } from '../api/events-api';
import { journeysApi } from '../api/journeys-api';
import { usersApi } from '../api/users-api';
import { journeyDetail, omnichannel } from '../testing/journey-fixtures';
import { CanvasPage } from './CanvasPage';

/** The example journey entered on a misspelt custom event. */
function misspeltEntry(): JourneyGraph {
  const graph = omnichannel();
  return { ...graph, nodes: graph.nodes.map((node) => (node.id === 'entry' && node.type === 'entry.event' ? { ...node, data: { ...node.data, event: 'Purchse' } } : node)) };
}

const detail = journeyDetail(misspeltEntry(), { entryEvents: ['Purchse'] });

const UNKNOWN_PURCHSE = /no event named "Purchse" has been tracked yet; check the spelling\./;

function received(...names: string[]): ReceivedEventName[] {
  return names.map((name) => ({ name, firstSeenAt: '2026-01-01T00:00:00.000Z', lastSeenAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), count: 1, attributes: [] }));
}

beforeEach(() => {
  vi.spyOn(journeysApi, 'get').mockResolvedValue(structuredClone(detail));
  vi.spyOn(journeysApi, 'update').mockImplementation((_id, request) => Promise.resolve({ ...detail, graph: request.graph ?? detail.graph }));
  vi.spyOn(usersApi, 'get').mockRejectedValue(new ApiError(404, undefined, 'Not found'));
});

afterEach(() => vi.restoreAllMocks());

/** Renders the page and waits until the journey is on it and the event names were answered. */
async function renderCanvas(): Promise<void> {
  render(<CanvasPage journeyId="j1" />);
  await screen.findByRole('main', { name: 'Journey Promo' });
  await waitFor(() => expect(eventsApi.names).toHaveBeenCalledTimes(1));
  // Let the answer (or the failure) settle into the page.
  await waitFor(() => Promise.resolve());
}

function problemMessages(): string[] {
  const list = screen.queryByRole('list', { name: 'Problems' });
  return list === null ? [] : within(list).getAllByRole('listitem').map((item) => item.textContent ?? '');
}

describe('canvas page: event names the project has received', () => {
  it('warns about an entry event the project never received once it has received others', async () => {
    vi.spyOn(eventsApi, 'names').mockResolvedValue(received('Purchase'));
    await renderCanvas();
    await waitFor(() => expect(problemMessages().some((message) => UNKNOWN_PURCHSE.test(message))).toBe(true));
    const warning = problemMessages().find((message) => UNKNOWN_PURCHSE.test(message));
    expect(warning).toMatch(/^Warning/);
    // Only the misspelt name: the goal on "Purchase" and the built-in events are known.
    expect(problemMessages()).toHaveLength(1);
  });

  it('does not warn while the project has received no events at all', async () => {
    vi.spyOn(eventsApi, 'names').mockResolvedValue([]);
    await renderCanvas();
    expect(await screen.findByText('Ready to publish')).toBeTruthy();
    expect(screen.queryByText(UNKNOWN_PURCHSE)).toBeNull();
  });

  it('does not warn (nor fail) when the names cannot be loaded', async () => {
    vi.spyOn(eventsApi, 'names').mockRejectedValue(new ApiError(500, undefined, 'Server error'));
    await renderCanvas();
    expect(await screen.findByText('Ready to publish')).toBeTruthy();
    expect(screen.queryByText(UNKNOWN_PURCHSE)).toBeNull();
  });

  it('offers the received names in the test run and reloads them after a test event, which clears the warning', async () => {
    const names = vi.spyOn(eventsApi, 'names').mockResolvedValueOnce(received('Purchase', 'Signup')).mockResolvedValue(received('Purchase', 'Purchse', 'Signup'));
    const track = vi.spyOn(eventsApi, 'track').mockResolvedValue({ accepted: 1, duplicates: 0, rejected: [] });
    await renderCanvas();
    await waitFor(() => expect(problemMessages().some((message) => UNKNOWN_PURCHSE.test(message))).toBe(true));

    fireEvent.click(screen.getByRole('button', { name: /Test run/ }));
    const eventField = await screen.findByLabelText<HTMLInputElement>('Event');
    const options = [...document.getElementById(eventField.getAttribute('list') ?? '')!.querySelectorAll('option')].map((option) => option.value);
    expect(options.filter((name) => !name.startsWith('PW_'))).toEqual(['Purchase', 'Signup']);

    // The test event is the entry's: "Purchse". Once sent, the project has received it.
    expect(eventField.value).toBe('Purchse');
    fireEvent.click(screen.getByRole('button', { name: 'Send event' }));
    await waitFor(() => expect(track).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(names).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(problemMessages().some((message) => UNKNOWN_PURCHSE.test(message))).toBe(false));
    expect(screen.getByText('Ready to publish')).toBeTruthy();
  });
});
