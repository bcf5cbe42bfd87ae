import { type ReactNode } from 'react';
import { type JourneyProblem } from '../validation/journey-validator';
import { FieldProblems } from './FieldProblems';

interface FormFieldProps {
  label: string;
  htmlFor: string;
  hint?: ReactNode;
  problems?: readonly JourneyProblem[];
  children: ReactNode;
  className?: string;
}

/** A labelled control with its hint and the validator's problems about it. */
export function FormField({ label, htmlFor, hint, problems, children, className }: FormFieldProps) {
  const hasError = problems?.some((problem) => problem.severity === 'error') ?? false;
  return (
    <div className={['form-field', hasError ? 'form-field--error' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="form-field__label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {hint !== undefined && (
        <div className="form-field__hint" id={`${htmlFor}-hint`}>
          {hint}
        </div>
      )}
      <FieldProblems problems={problems} id={`${htmlFor}-problems`} />
    </div>
  );
}

/** aria-describedby for a control inside a FormField. */
export function describedBy(id: string, hint: unknown, problems?: readonly JourneyProblem[]): string | undefined {
  const ids = [hint !== undefined ? `${id}-hint` : '', problems !== undefined && problems.length > 0 ? `${id}-problems` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
