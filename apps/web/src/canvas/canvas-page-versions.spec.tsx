import { type JourneyGraph } from '@engine/journey';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { type JourneyVersion, type JourneyVersionSummary } from '../api/journey-types';
import { journeysApi } from '../api/journeys-api';
import { formatPublishedAt } from '../journey-versions/published-at';
import { journeyDetail, omnichannel } from '../testing/journey-fixtures';
import { CanvasPage } from './CanvasPage';

/** The example journey with its entry step labelled, so each graph is recognisable on the canvas. */
function labelled(entryLabel: string): JourneyGraph {
  const graph = omnichannel();
  return { ...graph, nodes: graph.nodes.map((node) => (node.id === 'entry' ? { ...node, label: entryLabel } : node)) };
}

const PUBLISHED_AT: Record<number, string> = { 1: '2026-03-02T09:15:00.000Z', 2: '2026-04-10T14:30:00.000Z', 3: '2026-05-20T08:00:00.000Z' };

function summary(version: number): JourneyVersionSummary {
  return { id: `v${version}`, journeyId: 'j1', version, compiledHash: `hash-${version}`, live: version === 3, publishedAt: PUBLISHED_AT[version] };
}

const draftGraph = labelled('Draft entry');

const detail = journeyDetail(draftGraph, { status: 'live', liveVersionNumber: 3, liveVersionId: 'v3', entryEvents: ['signup'], updatedAt: '2026-05-20T08:00:00.000Z' });

let update: MockInstance<typeof journeysApi.update>;

beforeEach(() => {
  vi.spyOn(journeysApi, 'get').mockResolvedValue(structuredClone(detail));
  // Oldest first, as if the API did not sort: the list must still show the newest first.
  vi.spyOn(journeysApi, 'versions').mockResolvedValue([summary(1), summary(2), summary(3)]);
  vi.spyOn(journeysApi, 'version').mockImplementation((_id, version) =>
    Promise.resolve<JourneyVersion>({ ...summary(version), graph: labelled(`Entry of version ${version}`) }),
  );
  vi.spyOn(journeysApi, 'stats').mockResolvedValue({
    journeyId: 'j1',
    nodes: [],
    totals: { entered: 0, active: 0, completed: 0, converted: 0, stopped: 0, conversions: 0 },
  });
  update = vi.spyOn(journeysApi, 'update').mockImplementation((_id, request) => Promise.resolve({ ...detail, graph: request.graph ?? detail.graph, revision: `rev-${update.mock.calls.length}` }));
});

afterEach(() => vi.restoreAllMocks());

async function openVersions(): Promise<HTMLElement[]> {
  fireEvent.click(await screen.findByRole('button', { name: 'Versions' }));
  const list = await screen.findByRole('list', { name: 'Published versions, newest first' });
  return within(list).getAllByRole('button');
}

async function showVersionOne(): Promise<void> {
  render(<CanvasPage journeyId="j1" />);
  await screen.findByText('Entry of version 3');
  const items = await openVersions();
  fireEvent.click(items[2]);
  await screen.findByText('Entry of version 1');
}

describe('canvas page: published versions', () => {
  it('lists every published version newest first, the live one marked, with its publish time', async () => {
    render(<CanvasPage journeyId="j1" />);
    await screen.findByText(/Live version 3/);
    const items = await openVersions();
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual([
      `Version 3, live, published ${formatPublishedAt(PUBLISHED_AT[3])}`,
      `Version 2, published ${formatPublishedAt(PUBLISHED_AT[2])}`,
      `Version 1, published ${formatPublishedAt(PUBLISHED_AT[1])}`,
    ]);
    expect(within(items[0]).getByText('Live')).toBeTruthy();
    expect(within(items[1]).queryByText('Live')).toBeNull();
    // The live version is on the canvas now.
    expect(items[0].getAttribute('aria-current')).toBe('true');
  });

  it('shows an older version read-only with its banner, without live statistics, and goes back to the draft and the live version', async () => {
    await showVersionOne();
    expect(journeysApi.version).toHaveBeenLastCalledWith('j1', 1);
    expect(screen.getByText(`Version 1, published ${formatPublishedAt(PUBLISHED_AT[1])} — read-only.`)).toBeTruthy();
    expect(screen.queryByText(/Live version 3/)).toBeNull();
    expect(screen.queryByText('Entry of version 3')).toBeNull();
    // Read-only: nothing to add steps with, no undo.
    expect(screen.queryByRole('navigation', { name: 'Steps to add' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /View live/ }));
    expect(await screen.findByText('Entry of version 3')).toBeTruthy();
    expect(screen.getByText(/Live version 3/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Edit draft/ }));
    expect(await screen.findByText('Draft entry')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Steps to add' })).toBeTruthy();
  });

  it('restores a version as the draft after a confirm, as an edit that autosave saves and Undo takes back', async () => {
    await showVersionOne();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.click(screen.getByRole('button', { name: /Restore as draft/ }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/Version 1, published/)).toBeTruthy();

    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: /Restore as draft/ }));
    expect(await screen.findByText('Version 1 copied into the draft; publish to make it live.')).toBeTruthy();
    expect(screen.getByText(/Editing the draft/)).toBeTruthy();
    expect(await screen.findByText('Entry of version 1')).toBeTruthy();
    expect(screen.queryByText('Draft entry')).toBeNull();
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(update.mock.calls[0][1].graph).toEqual(labelled('Entry of version 1'));

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Draft entry')).toBeTruthy();
    expect(screen.queryByText('Entry of version 1')).toBeNull();
    await waitFor(() => expect(update).toHaveBeenCalledTimes(2), { timeout: 3000 });
    expect(update.mock.calls[1][1].graph).toEqual(draftGraph);
  });
});
