import { USER_CHANNELS, type UserChannel } from '@engine/journey';
import { SelectField } from '../forms/SelectField';
import { problemsAt } from '../validation/problems-index';
import { type NodePanelProps } from './node-panel-props';

const CHANNEL_LABELS: Record<UserChannel, string> = { push: 'Push (has a push token)', email: 'Email (has an address)', whatsapp: 'WhatsApp (has a phone number)', sms: 'SMS (has a phone number)' };

export function BranchReachabilityPanel({ node, onChange, problems }: NodePanelProps<'branch.reachability'>) {
  return (
    <>
      <SelectField
        label="Can the user be reached by"
        value={node.data.channel}
        options={USER_CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }))}
        onChange={(channel) => onChange({ ...node.data, channel }, 'channel')}
        problems={problemsAt(problems, 'data.channel')}
      />
      <p className="panel-note">“Yes” when the user has the address or token and has not opted out of the channel.</p>
    </>
  );
}
