import { type ReactNode, useId } from 'react';
import { type JourneyProblem } from '../validation/journey-validator';
import { describedBy, FormField } from './FormField';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  hint?: ReactNode;
  problems?: readonly JourneyProblem[];
  className?: string;
}

export function SelectField<T extends string>({ label, value, options, onChange, hint, problems, className }: SelectFieldProps<T>) {
  const id = useId();
  const known = options.some((option) => option.value === value);
  return (
    <FormField label={label} htmlFor={id} hint={hint} problems={problems} className={className}>
      <select
        id={id}
        className="input"
        value={value}
        aria-describedby={describedBy(id, hint, problems)}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value);
          if (chosen !== undefined) onChange(chosen.value);
        }}
      >
        {!known && <option value={value}>{value === '' ? 'Choose…' : value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FormField>
  );
}
