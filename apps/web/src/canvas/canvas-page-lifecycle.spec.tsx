import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { journeysApi } from '../api/journeys-api';
import { journeyDetail, omnichannel } from '../testing/journey-fixtures';
import { CanvasPage } from './CanvasPage';

const draft = journeyDetail(omnichannel());

beforeEach(() => {
  vi.spyOn(journeysApi, 'get').mockResolvedValue(structuredClone(draft));
  vi.spyOn(journeysApi, 'update').mockImplementation((_id, request) => Promise.resolve({ ...draft, graph: request.graph ?? draft.graph }));
  vi.spyOn(journeysApi, 'stats').mockResolvedValue({
    journeyId: 'j1',
    nodes: [],
    totals: { entered: 0, active: 0, completed: 0, converted: 0, stopped: 0, conversions: 0 },
  });
});

afterEach(() => vi.restoreAllMocks());

async function publish(): Promise<void> {
  render(<CanvasPage journeyId="j1" />);
  const button = await screen.findByRole('button', { name: /^Publish/ });
  await waitFor(() => expect(button).toHaveProperty('disabled', false));
  fireEvent.click(button);
  // The review of what publishing starts, confirmed.
  const review = screen.getByRole('dialog', { name: 'Publish this journey?' });
  fireEvent.click(within(review).getByRole('button', { name: 'Publish now' }));
}

describe('canvas page: publish, pause and resume', () => {
  it('publishes the draft and shows the new live version read-only', async () => {
    vi.spyOn(journeysApi, 'publish').mockResolvedValue({
      id: 'v1',
      journeyId: 'j1',
      version: 1,
      compiledHash: 'hash-1',
      live: true,
      publishedAt: '2026-03-02T09:15:00.000Z',
      graph: omnichannel(),
      warnings: [{ severity: 'warning', code: 'unknown-event', nodeId: 'entry', message: 'Never received' }],
    });
    await publish();
    expect(await screen.findByText('Version 1 is live: new users enter it now.')).toBeTruthy();
    expect(screen.getByText('Warning: Never received')).toBeTruthy();
    expect(screen.getByText(/Live version 1 — read-only/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Pause/ })).toBeTruthy();
  });

  it('lists every problem of a refused publish and stays on the draft', async () => {
    vi.spyOn(journeysApi, 'publish').mockRejectedValue(
      new ApiError(422, { message: 'The journey has 1 problem', problems: [{ severity: 'error', code: 'whatsapp-template-not-approved', nodeId: 'whatsapp', message: 'template "promo_offer" (en) is not approved (paused)' }] }, 'Unprocessable'),
    );
    await publish();
    expect(await screen.findByText('The journey has 1 problem')).toBeTruthy();
    expect(screen.getByText('template "promo_offer" (en) is not approved (paused)')).toBeTruthy();
    expect(screen.queryByText(/Live version/)).toBeNull();
    expect(screen.getByRole('button', { name: /^Publish/ })).toBeTruthy();
  });

  it('pauses and resumes a live journey', async () => {
    vi.spyOn(journeysApi, 'get').mockResolvedValue({ ...structuredClone(draft), status: 'live', liveVersionNumber: 1, liveVersionId: 'v1' });
    vi.spyOn(journeysApi, 'version').mockResolvedValue({ id: 'v1', journeyId: 'j1', version: 1, compiledHash: 'h', live: true, publishedAt: '2026-03-02T09:15:00.000Z', graph: omnichannel() });
    const pause = vi.spyOn(journeysApi, 'pause').mockResolvedValue({ ...draft, status: 'paused', liveVersionNumber: 1, liveVersionId: 'v1' });
    const resume = vi.spyOn(journeysApi, 'resume').mockResolvedValue({ ...draft, status: 'live', liveVersionNumber: 1, liveVersionId: 'v1' });
    render(<CanvasPage journeyId="j1" />);
    fireEvent.click(await screen.findByRole('button', { name: /Pause/ }));
    expect(await screen.findByText('Paused: no new users enter; users inside carry on.')).toBeTruthy();
    expect(screen.getByText(/Live version 1 \(paused\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Resume/ }));
    expect(await screen.findByText('Resumed: users enter again.')).toBeTruthy();
    expect(pause).toHaveBeenCalledWith('j1');
    expect(resume).toHaveBeenCalledWith('j1');
  });
});
