import { type SegmentCondition } from '@engine/journey';
import { FieldProblems } from '../forms/FieldProblems';
import { SegmentPicker } from '../segments/SegmentPicker';
import { type JourneyProblem } from '../validation/journey-validator';
import { NegationToggle } from './NegationToggle';

interface SegmentConditionRowProps {
  condition: SegmentCondition;
  onChange: (condition: SegmentCondition) => void;
  negated: boolean;
  onNegatedChange: (negated: boolean) => void;
  onRemove: () => void;
  problems: readonly JourneyProblem[];
}

/** "[Not] In segment <saved segment>": the segment's condition as it is when evaluated. */
export function SegmentConditionRow({ condition, onChange, negated, onNegatedChange, onRemove, problems }: SegmentConditionRowProps) {
  return (
    <div className="condition-row condition-row--segment" role="group" aria-label="Segment condition">
      <NegationToggle negated={negated} onChange={onNegatedChange} />
      <span className="condition-row__word">In segment</span>
      <SegmentPicker label="Segment" value={condition.segment} onChange={(segment) => onChange({ segment })} />
      <button type="button" className="icon-button" aria-label="Remove condition" onClick={onRemove}>
        ×
      </button>
      <FieldProblems problems={problems} />
    </div>
  );
}
