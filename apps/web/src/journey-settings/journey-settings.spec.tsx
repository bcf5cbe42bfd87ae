import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { omnichannel } from '../testing/journey-fixtures';
import { renderInEditor } from '../testing/render-in-editor';
import { JourneySettingsDialog } from './JourneySettingsDialog';

describe('journey settings', () => {
  it('edits goals, re-entry, silent hours and limits, flagging bad periods', async () => {
    const { store } = renderInEditor(<JourneySettingsDialog open onClose={() => undefined} />, omnichannel());
    const dialog = screen.getByRole('dialog', { name: 'Journey settings' });
    expect(within(dialog).getByLabelText('Name')).toHaveProperty('value', 'Purchase');

    fireEvent.change(within(dialog).getByLabelText('Counted within'), { target: { value: '60d' } });
    expect(await within(dialog).findByText(/at most 30 days/i)).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('A user may enter'), { target: { value: 'never' } });
    expect(store.getState().graph.settings.reentry).toEqual({ mode: 'never' });

    fireEvent.click(within(dialog).getByLabelText('Hold messages during quiet times'));
    expect(store.getState().graph.settings.silentHours).toBeUndefined();

    fireEvent.click(within(dialog).getByLabelText('Limit messages per user'));
    expect(store.getState().graph.settings.frequencyCap).toEqual({ maxMessages: 3, period: '1d', channels: ['push', 'email', 'whatsapp', 'sms'] });

    fireEvent.click(within(dialog).getByRole('button', { name: '+ Limit' }));
    expect(store.getState().graph.settings.throttling).toEqual([{ channel: 'push', limit: 1000, per: '1m' }]);
  });
});
