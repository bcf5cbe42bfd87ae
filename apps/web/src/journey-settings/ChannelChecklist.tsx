import { USER_CHANNELS, type UserChannel } from '@engine/journey';

const LABELS: Record<UserChannel, string> = { push: 'Push', email: 'Email', whatsapp: 'WhatsApp', sms: 'SMS' };

export function ChannelChecklist({ legend, value, onChange }: { legend: string; value: readonly UserChannel[]; onChange: (channels: UserChannel[]) => void }) {
  return (
    <fieldset className="channel-checklist">
      <legend className="form-field__label">{legend}</legend>
      {USER_CHANNELS.map((channel) => (
        <label key={channel} className="channel-checklist__item">
          <input
            type="checkbox"
            checked={value.includes(channel)}
            onChange={(event) => onChange(event.target.checked ? USER_CHANNELS.filter((other) => other === channel || value.includes(other)) : value.filter((other) => other !== channel))}
          />
          {LABELS[channel]}
        </label>
      ))}
    </fieldset>
  );
}
