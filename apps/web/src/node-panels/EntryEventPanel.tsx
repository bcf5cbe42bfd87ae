import { ConditionEditor } from '../condition-editor/ConditionEditor';
import { EventNameField } from '../forms/EventNameField';
import { problemsAt } from '../validation/problems-index';
import { type NodePanelProps } from './node-panel-props';

export function EntryEventPanel({ node, onChange, problems, graph }: NodePanelProps<'entry.event'>) {
  const data = node.data;
  const usedEvents = graph.nodes.flatMap((other) =>
    other.type === 'entry.event' ? [other.data.event] : other.type === 'wait.event' ? other.data.branches.flatMap((branch) => branch.events.map((match) => match.event)) : [],
  );
  return (
    <>
      <EventNameField value={data.event} onChange={(event) => onChange({ ...data, event }, 'event')} problems={problemsAt(problems, 'data.event')} suggestions={usedEvents} />
      <ConditionEditor
        label="Only when"
        value={data.where}
        onChange={(where) => {
          const { where: _old, ...rest } = data;
          onChange(where === undefined ? rest : { ...rest, where }, 'where');
        }}
        path="data.where"
        problems={problems}
        context="event"
        optional
        emptyText={data.event === 'PW_WhatsAppReceived' ? 'Every inbound message enters. Filter e.g. event.text matches "promo".' : 'Every such event lets the user in.'}
      />
    </>
  );
}
