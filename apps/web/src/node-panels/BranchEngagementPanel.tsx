import { type EngagementMetric, isSendNodeType, type SendNodeType, SEND_NODE_CHANNEL, type UserChannel } from '@engine/journey';
import { useId } from 'react';
import { DurationField } from '../forms/DurationField';
import { FormField } from '../forms/FormField';
import { SelectField } from '../forms/SelectField';
import { earlierSendNodes } from '../graph-editing/upstream-nodes';
import { stepName } from '../node-catalogue/step-name';
import { ENGAGEMENT_METRICS_BY_CHANNEL } from '../validation/journey-validator';
import { problemsAt } from '../validation/problems-index';
import { type NodePanelProps } from './node-panel-props';

const METRIC_LABELS: Record<EngagementMetric, string> = {
  delivered: 'Delivered',
  opened: 'Opened',
  read: 'Read',
  clicked: 'Clicked',
};

function channelOf(type: SendNodeType): UserChannel | undefined {
  const channel = SEND_NODE_CHANNEL[type];
  return channel === 'webhook' ? undefined : channel;
}

export function BranchEngagementPanel({ node, onChange, problems, graph }: NodePanelProps<'branch.engagement'>) {
  const data = node.data;
  const id = useId();
  const earlier = earlierSendNodes(graph, node.id);
  const earlierIds = new Set(earlier.map((send) => send.id));
  const others = graph.nodes.filter((other) => isSendNodeType(other.type) && other.type !== 'send.webhook' && !earlierIds.has(other.id));
  const chosen = graph.nodes.find((other) => other.id === data.sendNodeId);
  const channel = chosen !== undefined && isSendNodeType(chosen.type) ? channelOf(chosen.type) : undefined;
  const metrics = channel === undefined ? (['opened', 'clicked', 'delivered', 'read'] as const) : ENGAGEMENT_METRICS_BY_CHANNEL[channel];
  const nameOf = (send: (typeof graph.nodes)[number]): string => stepName(send, graph);
  return (
    <>
      <FormField label="Message to check" htmlFor={id} problems={problemsAt(problems, 'data.sendNodeId')} hint={earlier.length === 0 ? 'Connect this check after a message step; it can only look at messages sent before it.' : undefined}>
        <select
          id={id}
          className="input"
          value={data.sendNodeId}
          onChange={(event) => {
            const send = graph.nodes.find((other) => other.id === event.target.value);
            const sendChannel = send !== undefined && isSendNodeType(send.type) ? channelOf(send.type) : undefined;
            const allowed = sendChannel === undefined ? undefined : ENGAGEMENT_METRICS_BY_CHANNEL[sendChannel];
            const metric = allowed === undefined || allowed.includes(data.metric) ? data.metric : allowed[0];
            onChange({ ...data, sendNodeId: event.target.value, metric }, 'sendNodeId');
          }}
        >
          <option value="" disabled>
            Choose a message…
          </option>
          {data.sendNodeId !== '' && chosen === undefined && <option value={data.sendNodeId}>A deleted step (choose another)</option>}
          {earlier.length > 0 && (
            <optgroup label="Earlier on this path">
              {earlier.map((send) => (
                <option key={send.id} value={send.id}>
                  {nameOf(send)}
                </option>
              ))}
            </optgroup>
          )}
          {others.length > 0 && (
            <optgroup label="Elsewhere in the journey">
              {others.map((send) => (
                <option key={send.id} value={send.id}>
                  {nameOf(send)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </FormField>
      <SelectField
        label="Was it"
        value={data.metric}
        options={metrics.map((metric) => ({ value: metric, label: METRIC_LABELS[metric] }))}
        onChange={(metric) => onChange({ ...data, metric }, 'metric')}
        problems={problemsAt(problems, 'data.metric')}
        hint={channel === 'push' ? 'Push notifications report opens only.' : channel === 'whatsapp' ? 'WhatsApp reports deliveries and reads (a reply counts as read).' : undefined}
      />
      <DurationField label="Within" value={data.window} onChange={(window) => onChange({ ...data, window }, 'window')} problems={problemsAt(problems, 'data.window')} />
      <p className="panel-note">
        Users take <strong>Yes</strong> as soon as it happens, <strong>No</strong> when the time is up.
      </p>
    </>
  );
}
