import { type ConditionValue } from '@engine/journey';
import { type FieldValueKind } from './condition-vocabulary';

interface TypedValueInputProps {
  id: string;
  kind: Exclude<FieldValueKind, 'text'>;
  value: ConditionValue | undefined;
  onChange: (value: ConditionValue | undefined) => void;
  invalid: boolean;
}

/**
 * The value of a condition on a typed field: a date picker for dates (`2026-06-01`), a number
 * field for integers and decimals, yes/no for booleans — the value stored as the type compares.
 */
export function TypedValueInput({ id, kind, value, onChange, invalid }: TypedValueInputProps) {
  const common = { id, className: 'input condition-row__value', 'aria-label': 'Value', 'aria-invalid': invalid || undefined };
  if (kind === 'boolean') {
    return (
      <select {...common} value={value === true ? 'true' : value === false ? 'false' : ''} onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value === 'true')}>
        <option value="">Choose…</option>
        <option value="true">yes</option>
        <option value="false">no</option>
      </select>
    );
  }
  if (kind === 'number') {
    return (
      <input
        {...common}
        type="number"
        step="any"
        value={typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''}
        onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
      />
    );
  }
  // A date: the day part of whatever is there (a date tag holds `2026-06-01`, a default tag an instant).
  const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : '';
  return <input {...common} type="date" value={day} onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)} />;
}
