import { BUILT_IN_EVENTS, isBuiltInEvent } from '@engine/journey';
import { useId } from 'react';
import { describeLastReceived } from '../event-names/last-received';
import { useReceivedEventNames } from '../event-names/project-event-names-context';
import { type JourneyProblem } from '../validation/journey-validator';
import { TextField } from './TextField';

/** What each built-in event means, for the suggestion list and the hint. */
export const BUILT_IN_EVENT_DESCRIPTIONS: Record<(typeof BUILT_IN_EVENTS)[number], string> = {
  PW_WhatsAppReceived: 'An inbound WhatsApp message (attributes: from, text, type, messageId)',
  PW_WhatsAppSent: 'Meta accepted a WhatsApp message for the recipient (not delivered yet)',
  PW_WhatsAppDelivered: 'A WhatsApp message was delivered',
  PW_WhatsAppRead: 'A WhatsApp message was read',
  PW_WhatsAppFailed: 'A WhatsApp message failed',
  PW_PushOpened: 'A push notification was opened',
  PW_EmailOpened: 'An email was opened',
  PW_EmailClicked: 'A link in an email was clicked',
};

interface EventNameFieldProps {
  label?: string;
  value: string;
  onChange: (value: string) => void;
  problems?: readonly JourneyProblem[];
  /** Custom event names to suggest too (e.g. the ones already used in this journey). */
  suggestions?: readonly string[];
  autoFocus?: boolean;
}

/** An event name: built-in PW_ events and the project's received events are suggested, any name typed freely. */
export function EventNameField({ label = 'Event', value, onChange, problems, suggestions = [], autoFocus }: EventNameFieldProps) {
  const listId = useId();
  const { received } = useReceivedEventNames();
  const lastReceived = isBuiltInEvent(value) ? undefined : received.find((event) => event.name === value)?.lastSeenAt;
  const hint = isBuiltInEvent(value)
    ? BUILT_IN_EVENT_DESCRIPTIONS[value]
    : value === ''
      ? 'A built-in PW_ event, or one of your own events (e.g. Purchase).'
      : lastReceived !== undefined
        ? `A custom event, ${describeLastReceived(lastReceived) ?? 'received before'}.`
        : 'A custom event: send it with POST /api/v1/events.';
  return (
    <>
      <TextField label={label} value={value} onChange={onChange} list={listId} placeholder="PW_WhatsAppReceived or Purchase" problems={problems} hint={hint} autoFocus={autoFocus} />
      <EventNameSuggestions id={listId} extra={suggestions} />
    </>
  );
}

/**
 * The <datalist> of event names: the built-in ones, then those the project has received (with
 * when it last did), then `extra` names (e.g. the ones already used in this journey), each once.
 */
export function EventNameSuggestions({ id, extra = [] }: { id: string; extra?: readonly string[] }) {
  const { received } = useReceivedEventNames();
  const receivedCustom = received.filter((event) => !isBuiltInEvent(event.name));
  const offered = new Set<string>(receivedCustom.map((event) => event.name));
  const extraCustom = [...new Set(extra)].filter((name) => name !== '' && !isBuiltInEvent(name) && !offered.has(name));
  return (
    <datalist id={id}>
      {BUILT_IN_EVENTS.map((name) => (
        <option key={name} value={name}>
          {BUILT_IN_EVENT_DESCRIPTIONS[name]}
        </option>
      ))}
      {receivedCustom.map((event) => (
        <option key={event.name} value={event.name}>
          {describeLastReceived(event.lastSeenAt)}
        </option>
      ))}
      {extraCustom.map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  );
}
