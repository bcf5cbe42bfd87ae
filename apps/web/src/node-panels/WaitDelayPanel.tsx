import { type WaitDelayData } from '@engine/journey';
import { DurationField } from '../forms/DurationField';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { TimeZoneField } from '../forms/TimeZoneField';
import { WeekdayPicker } from '../forms/WeekdayPicker';
import { problemsAt } from '../validation/problems-index';
import { type NodePanelProps } from './node-panel-props';

type Mode = WaitDelayData['mode'];
type DateSource = 'date' | 'fromTag' | 'fromEventAttribute';

const MODES: ReadonlyArray<{ value: Mode; label: string }> = [
  { value: 'duration', label: 'For a duration' },
  { value: 'timeOfDay', label: 'Until a time of day' },
  { value: 'date', label: 'Until a date' },
];

const DATE_SOURCES: ReadonlyArray<{ value: DateSource; label: string }> = [
  { value: 'date', label: 'A fixed date' },
  { value: 'fromTag', label: 'A date in a user tag' },
  { value: 'fromEventAttribute', label: 'A date in the event' },
];

function startOf(mode: Mode): WaitDelayData {
  if (mode === 'duration') return { mode, duration: '1h' };
  if (mode === 'timeOfDay') return { mode, time: '09:00' };
  return { mode, date: '' };
}

export function WaitDelayPanel({ node, onChange, problems }: NodePanelProps<'wait.delay'>) {
  const data = node.data;
  return (
    <>
      <SelectField label="Wait" value={data.mode} options={MODES} onChange={(mode) => onChange(startOf(mode), 'mode')} problems={problemsAt(problems, 'data.mode')} />
      {data.mode === 'duration' && (
        <DurationField label="Duration" value={data.duration} onChange={(duration) => onChange({ ...data, duration }, 'duration')} problems={problemsAt(problems, 'data.duration')} />
      )}
      {data.mode === 'timeOfDay' && (
        <>
          <TextField label="Time" type="time" value={data.time} onChange={(time) => onChange({ ...data, time }, 'time')} problems={problemsAt(problems, 'data.time')} hint="The next time the clock shows this, in the user's time zone." />
          <WeekdayPicker
            label="On"
            value={data.weekdays ?? [1, 2, 3, 4, 5, 6, 7]}
            onChange={(weekdays) => {
              const { weekdays: _old, ...rest } = data;
              onChange(weekdays.length === 7 || weekdays.length === 0 ? rest : { ...rest, weekdays }, 'weekdays');
            }}
            problems={problemsAt(problems, 'data.weekdays')}
          />
          <TimeZoneField
            label="Time zone"
            value={data.timeZone ?? ''}
            onChange={(timeZone) => {
              const { timeZone: _old, ...rest } = data;
              onChange(timeZone.trim() === '' ? rest : { ...rest, timeZone: timeZone.trim() }, 'timeZone');
            }}
            hint="Empty: each user's own time zone (UTC when unknown)."
            problems={problemsAt(problems, 'data.timeZone')}
          />
        </>
      )}
      {data.mode === 'date' && <WaitUntilDateFields data={data} onChange={onChange} problems={problems} />}
    </>
  );
}

function WaitUntilDateFields({ data, onChange, problems }: { data: Extract<WaitDelayData, { mode: 'date' }> } & Pick<NodePanelProps<'wait.delay'>, 'onChange' | 'problems'>) {
  const source: DateSource = data.fromTag !== undefined ? 'fromTag' : data.fromEventAttribute !== undefined ? 'fromEventAttribute' : 'date';
  const value = data[source] ?? '';
  const withSource = (nextSource: DateSource, nextValue: string): WaitDelayData => {
    const next: Extract<WaitDelayData, { mode: 'date' }> = { mode: 'date', [nextSource]: nextValue };
    if (data.offset !== undefined) next.offset = data.offset;
    return next;
  };
  return (
    <>
      <SelectField label="Date from" value={source} options={DATE_SOURCES} onChange={(next) => onChange(withSource(next, ''), 'source')} />
      {source === 'date' ? (
        <TextField label="Date" type="datetime-local" value={value} onChange={(text) => onChange(withSource('date', text), 'date')} problems={problemsAt(problems, 'data.date')} hint="Local time of the user. A date already past continues at once." />
      ) : (
        <TextField
          label={source === 'fromTag' ? 'Tag' : 'Event attribute'}
          value={value}
          onChange={(text) => onChange(withSource(source, text.trim()), source)}
          monospace
          placeholder={source === 'fromTag' ? 'renewal_date' : 'appointmentAt'}
          problems={problemsAt(problems, `data.${source}`)}
          hint="An ISO date (2025-06-10 or 2025-06-10T09:00) or epoch milliseconds."
        />
      )}
      <TextField
        label="Shifted by"
        value={data.offset ?? ''}
        onChange={(text) => {
          const { offset: _old, ...rest } = data;
          const offset = text.replace(/\s+/g, '');
          onChange(offset === '' ? rest : { ...rest, offset }, 'offset');
        }}
        monospace
        placeholder="-1d"
        hint="Optional: -1d is one day before, 2h two hours after."
        problems={problemsAt(problems, 'data.offset')}
      />
    </>
  );
}
