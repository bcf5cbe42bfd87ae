import { type ComparisonOperator, type FieldCondition } from '@engine/journey';
import { useId } from 'react';
import { FieldProblems } from '../forms/FieldProblems';
import { type JourneyProblem } from '../validation/journey-validator';
import { ConditionValueInput } from './ConditionValueInput';
import { NegationToggle } from './NegationToggle';
import { formatConditionValue, parseConditionValue } from './condition-value-text';
import { fieldValueKind, OPERATOR_OPTIONS, takesTypedValue } from './condition-vocabulary';
import { TypedValueInput } from './TypedValueInput';
import { useProjectTags } from '../audience/tag-catalogue';

interface FieldConditionRowProps {
  condition: FieldCondition;
  onChange: (condition: FieldCondition) => void;
  /** Shown inside a `not`: the group wraps and unwraps it. */
  negated: boolean;
  onNegatedChange: (negated: boolean) => void;
  onRemove: () => void;
  problems: readonly JourneyProblem[];
  fieldListId: string;
}

/** `[Not]  field  operator  value` with a remove button. */
export function FieldConditionRow({ condition, onChange, negated, onNegatedChange, onRemove, problems, fieldListId }: FieldConditionRowProps) {
  const id = useId();
  const tags = useProjectTags();
  const kind = fieldValueKind(condition.field, tags);
  const invalid = problems.some((problem) => problem.severity === 'error');
  const changeOperator = (op: ComparisonOperator): void => {
    if (op === 'exists') {
      onChange({ field: condition.field, op });
      return;
    }
    // Keep what was typed, re-read for the new operator (`pro, team` becomes a list for "is one of").
    onChange({ field: condition.field, op, value: parseConditionValue(formatConditionValue(condition.value), op) ?? '' });
  };
  return (
    <div className={invalid ? 'condition-row condition-row--error' : 'condition-row'} role="group" aria-label="Condition">
      <NegationToggle negated={negated} onChange={onNegatedChange} />
      <input
        className="input input--mono condition-row__field"
        aria-label="Field"
        list={fieldListId}
        placeholder="tags.plan"
        spellCheck={false}
        value={condition.field}
        onChange={(event) => onChange({ ...condition, field: event.target.value.trim() })}
      />
      <select className="input condition-row__op" aria-label="Operator" value={condition.op} onChange={(event) => changeOperator(event.target.value as ComparisonOperator)}>
        {OPERATOR_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {condition.op !== 'exists' && kind !== 'text' && takesTypedValue(condition.op) ? (
        <TypedValueInput id={`${id}-value`} kind={kind} value={condition.value} invalid={invalid} onChange={(value) => onChange({ ...condition, value })} />
      ) : condition.op !== 'exists' ? (
        <ConditionValueInput id={`${id}-value`} op={condition.op} value={condition.value} invalid={invalid} onChange={(value) => onChange({ ...condition, value })} />
      ) : (
        <span className="condition-row__value condition-row__value--none" />
      )}
      <button type="button" className="icon-button" aria-label="Remove condition" title="Remove condition" onClick={onRemove}>
        ×
      </button>
      <FieldProblems problems={problems} />
    </div>
  );
}
