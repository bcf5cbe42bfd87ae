import { BUILT_IN_EVENTS, isBuiltInEvent } from '@engine/journey';
import { useId } from 'react';
import { type JourneyProblem } from '../validation/journey-validator';
import { TextField } from './TextField';

/** What each built-in event means, for the suggestion list and the hint. */
export const BUILT_IN_EVENT_DESCRIPTIONS: Record<(typeof BUILT_IN_EVENTS)[number], string> = {
  PW_WhatsAppReceived: 'An inbound WhatsApp message (attributes: from, text, type, messageId)',
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

/** An event name: built-in PW_ events are suggested, custom names typed freely. */
export function EventNameField({ label = 'Event', value, onChange, problems, suggestions = [], autoFocus }: EventNameFieldProps) {
  const listId = useId();
  const custom = [...new Set(suggestions)].filter((name) => name !== '' && !isBuiltInEvent(name));
  const hint = isBuiltInEvent(value)
    ? BUILT_IN_EVENT_DESCRIPTIONS[value]
    : value === ''
      ? 'A built-in PW_ event, or one of your own events (e.g. Purchase).'
      : 'A custom event: send it with POST /api/v1/events.';
  return (
    <>
      <TextField label={label} value={value} onChange={onChange} list={listId} placeholder="PW_WhatsAppReceived or Purchase" problems={problems} hint={hint} autoFocus={autoFocus} />
      <datalist id={listId}>
        {BUILT_IN_EVENTS.map((name) => (
          <option key={name} value={name}>
            {BUILT_IN_EVENT_DESCRIPTIONS[name]}
          </option>
        ))}
        {custom.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
