import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { journeysApi } from '../api/journeys-api';
import { journeyDetail, omnichannel } from '../testing/journey-fixtures';
import { CanvasPage } from './CanvasPage';

const draft = journeyDetail(omnichannel());
let update: MockInstance<typeof journeysApi.update>;

beforeEach(() => {
  vi.spyOn(journeysApi, 'get').mockResolvedValue(structuredClone(draft));
  update = vi.spyOn(journeysApi, 'update').mockRejectedValueOnce(new ApiError(409, undefined, 'The journey was changed since revision rev-0'));
});

afterEach(() => vi.restoreAllMocks());

/** Opens the draft and renames it: the save meets a draft saved elsewhere (409). */
async function conflict(): Promise<HTMLElement> {
  render(<CanvasPage journeyId="j1" />);
  fireEvent.change(await screen.findByLabelText('Journey name'), { target: { value: 'Renamed here' } });
  return screen.findByText(/changed elsewhere since you opened it/, {}, { timeout: 3_000 }).then((text) => text.closest('.canvas-banner') as HTMLElement);
}

describe('canvas page: a draft saved elsewhere', () => {
  it('keeps this tab’s version on request, saved over the other one', async () => {
    const banner = await conflict();
    vi.mocked(journeysApi.get).mockResolvedValue({ ...structuredClone(draft), name: 'Renamed elsewhere', revision: 'rev-9' });
    update.mockImplementation((_id, request) => Promise.resolve({ ...draft, name: request.name ?? draft.name, revision: 'rev-10' }));
    fireEvent.click(within(banner).getByRole('button', { name: 'Keep my version' }));
    await waitFor(() => expect(update).toHaveBeenCalledTimes(2));
    expect(update.mock.calls[1][1]).toMatchObject({ name: 'Renamed here', revision: 'rev-9' });
    await waitFor(() => expect(screen.queryByText(/changed elsewhere since you opened it/)).toBeNull());
    expect(screen.getByLabelText<HTMLInputElement>('Journey name').value).toBe('Renamed here');
  });

  it('loads the other version on request', async () => {
    const banner = await conflict();
    vi.mocked(journeysApi.get).mockResolvedValue({ ...structuredClone(draft), name: 'Renamed elsewhere', revision: 'rev-9' });
    fireEvent.click(within(banner).getByRole('button', { name: 'Load the other version' }));
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Journey name').value).toBe('Renamed elsewhere'));
    expect(screen.queryByText(/changed elsewhere since you opened it/)).toBeNull();
    expect(update).toHaveBeenCalledTimes(1);
  });
});
