import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { journeysApi } from '../api/journeys-api';
import { CreateJourneyForm } from '../journeys-list/CreateJourneyForm';
import { journeyDetail, omnichannel } from '../testing/journey-fixtures';
import { CanvasPage } from './CanvasPage';

const draft = journeyDetail(omnichannel(), { name: 'Purchase follow-up for first-time buyers' });
const longName = 'Spring promo '.repeat(24).trim(); // 311 characters

beforeEach(() => {
  vi.spyOn(journeysApi, 'get').mockResolvedValue(structuredClone(draft));
});

afterEach(() => vi.restoreAllMocks());

describe('journey names', () => {
  it('shows a long name whole in the toolbar', async () => {
    render(<CanvasPage journeyId="j1" />);
    const field = await screen.findByLabelText<HTMLInputElement>('Journey name');
    expect(field.value).toBe('Purchase follow-up for first-time buyers');
    expect(field.style.width).toBe(`${'Purchase follow-up for first-time buyers'.length + 2}ch`);
    expect(field.title).toBe('Purchase follow-up for first-time buyers');
  });

  it('says a name is too long instead of cutting it, and saves the rest of the draft without it', async () => {
    const update = vi.spyOn(journeysApi, 'update').mockImplementation((_id, request) => Promise.resolve({ ...draft, name: request.name ?? draft.name }));
    render(<CanvasPage journeyId="j1" />);
    const field = await screen.findByLabelText<HTMLInputElement>('Journey name');
    fireEvent.change(field, { target: { value: longName } });
    expect(field.value).toBe(longName);
    expect(screen.getByRole('alert').textContent).toBe(`Names can have up to 200 characters; this one has ${longName.length}. The name is not saved until it is fixed.`);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(update).toHaveBeenCalled(), { timeout: 3_000 });
    expect(update.mock.calls[0][1].name).toBeUndefined();
  });

  it('refuses to create a journey with a name that is too long, saying why', () => {
    const create = vi.spyOn(journeysApi, 'create');
    render(<CreateJourneyForm />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: longName } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(screen.getByRole('alert').textContent).toContain(`Names can have up to 200 characters; this one has ${longName.length}.`);
    expect(create).not.toHaveBeenCalled();
  });
});
