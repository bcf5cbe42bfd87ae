import { type ReactNode, useEffect, useId, useState } from 'react';
import { type JourneyProblem } from '../validation/journey-validator';
import { describedBy, FormField } from './FormField';

interface NumberFieldProps {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
  hint?: ReactNode;
  problems?: readonly JourneyProblem[];
  className?: string;
  suffix?: string;
}

/** A number input that lets the text be empty or half-typed while editing. */
export function NumberField({ label, value, onChange, min, max, step, hint, problems, className, suffix }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(value === undefined || Number.isNaN(value) ? '' : String(value));
  useEffect(() => {
    setText((current) => (Number(current) === value && current !== '' ? current : value === undefined || Number.isNaN(value) ? '' : String(value)));
  }, [value]);
  return (
    <FormField label={label} htmlFor={id} hint={hint} problems={problems} className={className}>
      <span className="input-with-suffix">
        <input
          id={id}
          className="input"
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={step}
          value={text}
          aria-describedby={describedBy(id, hint, problems)}
          onChange={(event) => {
            setText(event.target.value);
            const parsed = event.target.value.trim() === '' ? undefined : Number(event.target.value);
            onChange(parsed !== undefined && Number.isFinite(parsed) ? parsed : undefined);
          }}
        />
        {suffix !== undefined && <span className="input-with-suffix__suffix">{suffix}</span>}
      </span>
    </FormField>
  );
}
