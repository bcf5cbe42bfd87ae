import { type ComparisonOperator, type ConditionValue } from '@engine/journey';
import { useEffect, useState } from 'react';
import { formatConditionValue, parseConditionValue } from './condition-value-text';
import { valuePlaceholder } from './condition-vocabulary';

interface ConditionValueInputProps {
  id: string;
  op: ComparisonOperator;
  value: ConditionValue | undefined;
  onChange: (value: ConditionValue | undefined) => void;
  invalid: boolean;
}

/** The value of a condition row, typed as text; keeps what was typed (`1.`) while it parses. */
export function ConditionValueInput({ id, op, value, onChange, invalid }: ConditionValueInputProps) {
  const [text, setText] = useState(formatConditionValue(value));
  useEffect(() => {
    setText((current) => (JSON.stringify(parseConditionValue(current, op)) === JSON.stringify(value) ? current : formatConditionValue(value)));
  }, [value, op]);
  return (
    <input
      id={id}
      className="input condition-row__value"
      aria-label="Value"
      aria-invalid={invalid || undefined}
      placeholder={valuePlaceholder(op)}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseConditionValue(event.target.value, op));
      }}
    />
  );
}
