import { type JourneyGraph } from '@engine/journey';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { journeysApi } from '../api/journeys-api';
import { journeyDetail, omnichannel } from '../testing/journey-fixtures';
import { CanvasPage } from './CanvasPage';

// The example with an empty push: one problem to list.
const broken: JourneyGraph = omnichannel();
for (const node of broken.nodes) if (node.type === 'send.push') node.data = { title: '', body: '' };

beforeEach(() => {
  vi.spyOn(journeysApi, 'get').mockResolvedValue(journeyDetail(broken));
  vi.spyOn(journeysApi, 'update').mockImplementation((_id, request) => Promise.resolve(journeyDetail(request.graph ?? broken)));
});

afterEach(() => vi.restoreAllMocks());

describe('problems card', () => {
  it('stays folded after a step was opened and closed', async () => {
    render(<CanvasPage journeyId="j1" />);
    const card = await screen.findByRole('region', { name: 'Problems' });
    fireEvent.click(within(card).getByRole('button', { expanded: true }));
    expect(within(card).queryByRole('list', { name: 'Problems' })).toBeNull();

    // Open a step (the card makes room for its panel), then close it.
    fireEvent.click(screen.getByTestId('node-email'));
    expect(screen.queryByRole('region', { name: 'Problems' })).toBeNull();
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    const again = await screen.findByRole('region', { name: 'Problems' });
    expect(within(again).getByRole('button', { expanded: false })).toBeTruthy();
    expect(within(again).queryByRole('list', { name: 'Problems' })).toBeNull();
  });
});
