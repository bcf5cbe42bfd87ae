import { classifyCondition } from '@engine/journey';
import { ConditionEditor } from '../condition-editor/ConditionEditor';
import { CheckboxField } from '../forms/CheckboxField';
import { DurationField } from '../forms/DurationField';
import { FieldProblems } from '../forms/FieldProblems';
import { SegmentPicker } from '../segments/SegmentPicker';
import { problemsAt } from '../validation/problems-index';
import { type NodePanelProps } from './node-panel-props';

/** Who enters at launch: a saved segment (by reference, so editing it changes this journey) or a condition written here. */
export function EntrySegmentPanel({ node, onChange, problems }: NodePanelProps<'entry.segment'>) {
  const data = node.data;
  const saved = classifyCondition(data.segment);
  const savedId = saved.kind === 'segment' ? saved.condition.segment : undefined;
  return (
    <>
      <div className="segmented segmented--wide" role="radiogroup" aria-label="Audience">
        <button type="button" role="radio" aria-checked={savedId !== undefined} onClick={() => savedId === undefined && onChange({ ...data, segment: { segment: '' } }, 'segment')}>
          Saved segment
        </button>
        <button type="button" role="radio" aria-checked={savedId === undefined} onClick={() => savedId !== undefined && onChange({ ...data, segment: { and: [] } }, 'segment')}>
          Write a condition
        </button>
      </div>
      {savedId !== undefined ? (
        <>
          <SegmentPicker label="Saved segment" value={savedId} onChange={(segment) => onChange({ ...data, segment: { segment } }, 'segment')} />
          <FieldProblems problems={problemsAt(problems, 'data.segment')} />
        </>
      ) : (
        <ConditionEditor
          label="Users who match"
          value={data.segment}
          onChange={(segment) => onChange({ ...data, segment: segment ?? { and: [] } }, 'segment')}
          path="data.segment"
          problems={problems}
          context="profile"
        />
      )}
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
