import { ConditionEditor } from '../condition-editor/ConditionEditor';
import { type NodePanelProps } from './node-panel-props';

export function BranchConditionPanel({ node, onChange, problems }: NodePanelProps<'branch.condition'>) {
  return (
    <>
      <ConditionEditor
        label="Users take “Yes” when"
        value={node.data.condition}
        onChange={(condition) => onChange({ ...node.data, condition: condition ?? { and: [] } }, 'condition')}
        path="data.condition"
        problems={problems}
        context="profile"
      />
      <p className="panel-note">Everyone else takes “No”. Fields: tags.*, user.* (email, phone, language…) and event.* of the event that moved the user last.</p>
    </>
  );
}
