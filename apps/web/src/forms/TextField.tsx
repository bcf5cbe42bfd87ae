import { type ReactNode, useId } from 'react';
import { type JourneyProblem } from '../validation/journey-validator';
import { describedBy, FormField } from './FormField';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  hint?: ReactNode;
  problems?: readonly JourneyProblem[];
  multiline?: boolean;
  rows?: number;
  /** Id of a <datalist> with suggestions. */
  list?: string;
  type?: 'text' | 'url' | 'email' | 'tel' | 'time' | 'date' | 'datetime-local';
  monospace?: boolean;
  className?: string;
  autoFocus?: boolean;
}

export function TextField({ label, value, onChange, placeholder, hint, problems, multiline, rows, list, type, monospace, className, autoFocus }: TextFieldProps) {
  const id = useId();
  const invalid = problems?.some((problem) => problem.severity === 'error') ?? false;
  const common = {
    id,
    value,
    placeholder,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy(id, hint, problems),
    className: monospace ? 'input input--mono' : 'input',
    autoFocus,
    spellCheck: monospace ? false : undefined,
  };
  return (
    <FormField label={label} htmlFor={id} hint={hint} problems={problems} className={className}>
      {multiline ? (
        <textarea {...common} rows={rows ?? 3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type ?? 'text'} list={list} onChange={(event) => onChange(event.target.value)} />
      )}
    </FormField>
  );
}
