import { ConditionEditor } from '../condition-editor/ConditionEditor';
import { CheckboxField } from '../forms/CheckboxField';
import { DurationField } from '../forms/DurationField';
import { problemsAt } from '../validation/problems-index';
import { type NodePanelProps } from './node-panel-props';

export function EntrySegmentPanel({ node, onChange, problems }: NodePanelProps<'entry.segment'>) {
  const data = node.data;
  return (
    <>
      <ConditionEditor
        label="Users who match"
        value={data.segment}
        onChange={(segment) => onChange({ ...data, segment: segment ?? { and: [] } }, 'segment')}
        path="data.segment"
        problems={problems}
        context="profile"
      />
      <CheckboxField
        label="Check again on a schedule"
        checked={data.repeatEvery !== undefined}
        onChange={(repeat) => {
          const { repeatEvery: _old, ...rest } = data;
          onChange(repeat ? { ...rest, repeatEvery: '1d' } : rest, 'repeatEvery');
        }}
        hint={data.repeatEvery === undefined ? 'Matching users enter once, when the journey goes live.' : 'Users who newly match enter at each check.'}
      />
      {data.repeatEvery !== undefined && (
        <DurationField label="Every" value={data.repeatEvery} onChange={(repeatEvery) => onChange({ ...data, repeatEvery }, 'repeatEvery')} problems={problemsAt(problems, 'data.repeatEvery')} />
      )}
    </>
  );
}
