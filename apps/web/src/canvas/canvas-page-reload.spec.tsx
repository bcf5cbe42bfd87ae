import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { journeysApi } from '../api/journeys-api';
import { journeyDetail, omnichannel } from '../testing/journey-fixtures';
import { CanvasPage } from './CanvasPage';

const live = journeyDetail(omnichannel(), { status: 'live', liveVersionNumber: 1, liveVersionId: 'v1', entryEvents: ['PW_WhatsAppReceived'] });

beforeEach(() => {
  window.history.replaceState(null, '', '/journeys/j1');
  vi.spyOn(journeysApi, 'get').mockResolvedValue(structuredClone(live));
  vi.spyOn(journeysApi, 'version').mockResolvedValue({ id: 'v1', journeyId: 'j1', version: 1, compiledHash: 'h1', live: true, publishedAt: '2026-03-02T09:15:00.000Z', graph: omnichannel() });
  vi.spyOn(journeysApi, 'stats').mockResolvedValue({ journeyId: 'j1', nodes: [], totals: { entered: 0, active: 0, completed: 0, converted: 0, stopped: 0, conversions: 0 } });
});

afterEach(() => vi.restoreAllMocks());

describe('canvas page: reloading', () => {
  it('stays on the draft of a live journey after a reload, and on the live view otherwise', async () => {
    render(<CanvasPage journeyId="j1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit draft' }));
    await screen.findByRole('button', { name: 'View live' });
    expect(window.location.search).toBe('?view=draft');

    // A reload: the page starts again from the address.
    cleanup();
    render(<CanvasPage journeyId="j1" />);
    expect(await screen.findByRole('button', { name: 'View live' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit draft' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'View live' }));
    await screen.findByRole('button', { name: 'Edit draft' });
    expect(window.location.search).toBe('');
    cleanup();
    render(<CanvasPage journeyId="j1" />);
    expect(await screen.findByRole('button', { name: 'Edit draft' })).toBeTruthy();
  });
});
