import { useId } from 'react';
import { type JourneyProblem } from '../validation/journey-validator';
import { TextField } from './TextField';

function timeZoneNames(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Tokyo'];
  }
}

/** An IANA time zone with suggestions from the browser's list. */
export function TimeZoneField({ label, value, onChange, problems, hint }: { label: string; value: string; onChange: (value: string) => void; problems?: readonly JourneyProblem[]; hint?: string }) {
  const listId = useId();
  return (
    <>
      <TextField label={label} value={value} onChange={onChange} list={listId} placeholder="Europe/Berlin" problems={problems} hint={hint} />
      <datalist id={listId}>
        {timeZoneNames().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
