import { render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { journeysApi } from '../api/journeys-api';
import { fakeLayoutInEachTest, MeasuringResizeObserver } from '../testing/fake-layout';
import { journeyDetail, omnichannel } from '../testing/journey-fixtures';
import { CanvasPage } from './CanvasPage';

fakeLayoutInEachTest(MeasuringResizeObserver);
afterEach(() => vi.restoreAllMocks());

it("links a live step's count of users to the users page filtered to it", async () => {
  const draft = journeyDetail(omnichannel());
  vi.spyOn(journeysApi, 'get').mockResolvedValue({ ...structuredClone(draft), status: 'live', liveVersionNumber: 1, liveVersionId: 'v1' });
  vi.spyOn(journeysApi, 'version').mockResolvedValue({ id: 'v1', journeyId: 'j1', version: 1, compiledHash: 'h', live: true, publishedAt: '2026-03-02T09:15:00.000Z', graph: omnichannel() });
  const zero = { entered: 0, sent: 0, delivered: 0, opened: 0, clicked: 0, failed: 0, unknown: 0, suppressed: 0, conversions: 0, waitingToSend: 0, waitingForSilentHours: 0, waitingForRetry: 0, waitingInQueue: 0 };
  vi.spyOn(journeysApi, 'stats').mockResolvedValue({
    journeyId: 'j1',
    nodes: [{ nodeId: 'entry', type: 'entry.event', now: 3, ...zero }],
    totals: { entered: 3, active: 3, completed: 0, converted: 0, stopped: 0, conversions: 0 },
  });
  render(<CanvasPage journeyId="j1" />);
  const link = await screen.findByRole('link', { name: 'Users in this step: 3' }, { timeout: 5000 });
  expect(link.getAttribute('href')).toBe('/users?journeyId=j1&nodeId=entry');
});
