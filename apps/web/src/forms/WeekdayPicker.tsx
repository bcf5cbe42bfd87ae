import { type JourneyProblem } from '../validation/journey-validator';
import { FieldProblems } from './FieldProblems';

const WEEKDAYS = [
  { day: 1, short: 'Mo', name: 'Monday' },
  { day: 2, short: 'Tu', name: 'Tuesday' },
  { day: 3, short: 'We', name: 'Wednesday' },
  { day: 4, short: 'Th', name: 'Thursday' },
  { day: 5, short: 'Fr', name: 'Friday' },
  { day: 6, short: 'Sa', name: 'Saturday' },
  { day: 7, short: 'Su', name: 'Sunday' },
];

/** Toggle buttons for weekdays (1 = Monday ... 7 = Sunday). */
export function WeekdayPicker({ label, value, onChange, problems }: { label: string; value: readonly number[]; onChange: (days: number[]) => void; problems?: readonly JourneyProblem[] }) {
  const chosen = new Set(value);
  return (
    <fieldset className="weekday-picker">
      <legend className="form-field__label">{label}</legend>
      <div className="weekday-picker__days">
        {WEEKDAYS.map(({ day, short, name }) => (
          <button
            key={day}
            type="button"
            className="weekday-picker__day"
            aria-pressed={chosen.has(day)}
            aria-label={name}
            onClick={() => onChange(chosen.has(day) ? value.filter((other) => other !== day) : [...value, day].sort((a, b) => a - b))}
          >
            {short}
          </button>
        ))}
      </div>
      <FieldProblems problems={problems} />
    </fieldset>
  );
}
