import { type ChannelThrottle, CHANNELS, type Channel, type FrequencyCap } from '@engine/journey';
import { CheckboxField } from '../forms/CheckboxField';
import { DurationField } from '../forms/DurationField';
import { FieldProblems } from '../forms/FieldProblems';
import { NumberField } from '../forms/NumberField';
import { type JourneyProblem } from '../validation/journey-validator';
import { problemsAt } from '../validation/problems-index';
import { ChannelChecklist } from './ChannelChecklist';

interface DeliveryLimitsEditorProps {
  frequencyCap: FrequencyCap | undefined;
  throttling: ChannelThrottle[];
  onFrequencyCap: (value: FrequencyCap | undefined, field: string) => void;
  onThrottling: (value: ChannelThrottle[], field: string) => void;
  problems: readonly JourneyProblem[];
}

/** Frequency capping (per user, across journeys) and throttling (per channel, for this journey). */
export function DeliveryLimitsEditor({ frequencyCap, throttling, onFrequencyCap, onThrottling, problems }: DeliveryLimitsEditorProps) {
  const updateThrottle = (index: number, throttle: ChannelThrottle): void => onThrottling(throttling.map((existing, at) => (at === index ? throttle : existing)), `throttling[${index}]`);
  return (
    <>
      <section className="settings-section" aria-labelledby="settings-cap">
        <h3 id="settings-cap">Frequency cap</h3>
        <CheckboxField
          label="Limit messages per user"
          checked={frequencyCap !== undefined}
          onChange={(on) => onFrequencyCap(on ? { maxMessages: 3, period: '1d', channels: ['push', 'email', 'whatsapp', 'sms'] } : undefined, 'frequencyCap')}
          hint="Counted across all journeys; messages over the cap are skipped."
        />
        {frequencyCap !== undefined && (
          <>
            <div className="form-row">
              <NumberField label="At most" value={frequencyCap.maxMessages} min={1} suffix="messages" onChange={(maxMessages) => onFrequencyCap({ ...frequencyCap, maxMessages: maxMessages ?? 0 }, 'frequencyCap.maxMessages')} problems={problemsAt(problems, 'settings.frequencyCap.maxMessages')} />
              <DurationField label="Per" value={frequencyCap.period} onChange={(period) => onFrequencyCap({ ...frequencyCap, period }, 'frequencyCap.period')} problems={problemsAt(problems, 'settings.frequencyCap.period')} />
            </div>
            <ChannelChecklist legend="Counting" value={frequencyCap.channels} onChange={(channels) => onFrequencyCap({ ...frequencyCap, channels }, 'frequencyCap.channels')} />
            <FieldProblems problems={problemsAt(problems, 'settings.frequencyCap.channels')} />
          </>
        )}
      </section>
      <section className="settings-section" aria-labelledby="settings-throttle">
        <h3 id="settings-throttle">Throttling</h3>
        <p className="settings-section__intro">Spread sends of this journey over time, per channel.</p>
        {throttling.map((throttle, index) => (
          <div key={index} className="throttle-row">
            <label className="inline-field">
              <span className="visually-hidden">Channel</span>
              <select className="input" value={throttle.channel} onChange={(event) => updateThrottle(index, { ...throttle, channel: event.target.value as Channel })}>
                {CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {channel}
                  </option>
                ))}
              </select>
            </label>
            <NumberField label="At most" value={throttle.limit} min={1} onChange={(limit) => updateThrottle(index, { ...throttle, limit: limit ?? 0 })} problems={problemsAt(problems, `settings.throttling[${index}].limit`)} />
            <DurationField label="Per" value={throttle.per} onChange={(per) => updateThrottle(index, { ...throttle, per })} problems={problemsAt(problems, `settings.throttling[${index}].per`)} />
            <button type="button" className="icon-button" aria-label={`Remove limit ${index + 1}`} onClick={() => onThrottling(throttling.filter((_, at) => at !== index), 'throttling')}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="link-button" onClick={() => onThrottling([...throttling, { channel: 'push', limit: 1000, per: '1m' }], 'throttling')}>
          + Limit
        </button>
      </section>
    </>
  );
}
