import { type SilentHours, type SilentWindow } from '@engine/journey';
import { CheckboxField } from '../forms/CheckboxField';
import { FieldProblems } from '../forms/FieldProblems';
import { TimeZoneField } from '../forms/TimeZoneField';
import { WeekdayPicker } from '../forms/WeekdayPicker';
import { type JourneyProblem } from '../validation/journey-validator';
import { problemsAt } from '../validation/problems-index';
import { ChannelChecklist } from './ChannelChecklist';

const DEFAULT_SILENT_HOURS: SilentHours = {
  channels: ['push', 'whatsapp', 'sms'],
  windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: '22:00', to: '08:00' }],
  fallbackTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
};

export function SilentHoursEditor({ value, onChange, problems }: { value: SilentHours | undefined; onChange: (value: SilentHours | undefined, field: string) => void; problems: readonly JourneyProblem[] }) {
  const updateWindow = (index: number, window: SilentWindow): void => {
    if (value !== undefined) onChange({ ...value, windows: value.windows.map((existing, at) => (at === index ? window : existing)) }, `silentHours.windows[${index}]`);
  };
  return (
    <section className="settings-section" aria-labelledby="settings-silent">
      <h3 id="settings-silent">Silent hours</h3>
      <CheckboxField
        label="Hold messages during quiet times"
        checked={value !== undefined}
        onChange={(on) => onChange(on ? DEFAULT_SILENT_HOURS : undefined, 'silentHours')}
        hint="In each user's time zone; held messages go out when the window ends."
      />
      {value !== undefined && (
        <>
          <ChannelChecklist legend="Channels" value={value.channels} onChange={(channels) => onChange({ ...value, channels }, 'silentHours.channels')} />
          <FieldProblems problems={problemsAt(problems, 'settings.silentHours.channels')} />
          {value.windows.map((window, index) => (
            <div key={index} className="silent-window">
              <WeekdayPicker label={`Window ${index + 1}`} value={window.weekdays} onChange={(weekdays) => updateWindow(index, { ...window, weekdays })} />
              <label className="inline-field">
                from
                <input className="input" type="time" value={window.from} onChange={(event) => updateWindow(index, { ...window, from: event.target.value })} />
              </label>
              <label className="inline-field">
                to
                <input className="input" type="time" value={window.to} onChange={(event) => updateWindow(index, { ...window, to: event.target.value })} />
              </label>
              <button type="button" className="icon-button" aria-label={`Remove window ${index + 1}`} onClick={() => onChange({ ...value, windows: value.windows.filter((_, at) => at !== index) }, 'silentHours.windows')}>
                ×
              </button>
              <FieldProblems problems={problemsAt(problems, `settings.silentHours.windows[${index}]`)} />
            </div>
          ))}
          <button type="button" className="link-button" onClick={() => onChange({ ...value, windows: [...value.windows, { weekdays: [6, 7], from: '00:00', to: '10:00' }] }, 'silentHours.windows')}>
            + Window
          </button>
          <TimeZoneField label="Time zone for users without one" value={value.fallbackTimeZone} onChange={(fallbackTimeZone) => onChange({ ...value, fallbackTimeZone }, 'silentHours.fallbackTimeZone')} problems={problemsAt(problems, 'settings.silentHours.fallbackTimeZone')} />
        </>
      )}
    </section>
  );
}
