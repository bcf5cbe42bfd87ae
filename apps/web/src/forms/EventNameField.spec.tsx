import { BUILT_IN_EVENTS } from '@engine/journey';
import { fireEvent, render, screen } from '@testing-library/react';
import { type ReactNode, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { type ReceivedEventName } from '../api/events-api';
import { ConditionEditor } from '../condition-editor/ConditionEditor';
import { knownEventsFromReceived } from '@engine/journey';
import { ProjectEventNamesProvider } from '../event-names/project-event-names-context';
import { EventNameField } from './EventNameField';

const DAY_MS = 86_400_000;

function receivedDaysAgo(name: string, days: number): ReceivedEventName {
  return { name, firstSeenAt: '2026-01-01T00:00:00.000Z', lastSeenAt: new Date(Date.now() - days * DAY_MS).toISOString(), count: 1, attributes: [] };
}

/** Sorted by name, as the API answers; a built-in name is among them, as the API reports those too. */
const RECEIVED = [receivedDaysAgo('Purchase', 3), receivedDaysAgo('PW_EmailOpened', 1), receivedDaysAgo('Signup', 40)];

function withReceived(ui: ReactNode, received: readonly ReceivedEventName[] = RECEIVED) {
  return render(<ProjectEventNamesProvider value={{ received, knownEvents: knownEventsFromReceived(received.map((event) => event.name)), refresh: () => undefined }}>{ui}</ProjectEventNamesProvider>);
}

function ControlledField({ suggestions }: { suggestions?: string[] }) {
  const [value, setValue] = useState('');
  return <EventNameField value={value} onChange={setValue} suggestions={suggestions} />;
}

/** The suggestions of an input, as [value, label] pairs. */
function suggestionsOf(input: HTMLElement): Array<[string, string]> {
  const list = document.getElementById(input.getAttribute('list') ?? '');
  expect(list?.tagName).toBe('DATALIST');
  return [...list!.querySelectorAll('option')].map((option) => [option.value, option.textContent ?? '']);
}

describe('event name field: received event names', () => {
  it('suggests the built-in events, then the received ones with when they last came, then the journey’s own, each once', () => {
    withReceived(<ControlledField suggestions={['Signup', 'Cancelled', '', 'Cancelled']} />);
    const options = suggestionsOf(screen.getByLabelText('Event'));
    expect(options.map(([value]) => value)).toEqual([...BUILT_IN_EVENTS, 'Purchase', 'Signup', 'Cancelled']);
    expect(options.slice(BUILT_IN_EVENTS.length)).toEqual([
      ['Purchase', 'last received 3 days ago'],
      ['Signup', 'last received last month'],
      ['Cancelled', ''],
    ]);
  });

  it('says when a chosen custom event was last received', () => {
    withReceived(<ControlledField />);
    const input = screen.getByLabelText('Event');
    fireEvent.change(input, { target: { value: 'Purchase' } });
    expect(screen.getByText('A custom event, last received 3 days ago.')).toBeTruthy();
    fireEvent.change(input, { target: { value: 'Refund' } });
    expect(screen.getByText('A custom event: send it with POST /api/v1/events.')).toBeTruthy();
  });

  it('offers only the built-in events outside a canvas page (no names loaded)', () => {
    render(<ControlledField suggestions={['Cancelled']} />);
    expect(suggestionsOf(screen.getByLabelText('Event')).map(([value]) => value)).toEqual([...BUILT_IN_EVENTS, 'Cancelled']);
  });

  it('suggests the received names for past-event conditions too', () => {
    withReceived(
      <ConditionEditor label="Only when" value={{ history: { event: '' } }} onChange={() => undefined} path="data.condition" problems={[]} context="profile" />,
    );
    expect(suggestionsOf(screen.getByLabelText('Past event')).map(([value]) => value)).toEqual([...BUILT_IN_EVENTS, 'Purchase', 'Signup']);
  });
});
