import { formatDuration, parseDuration } from '@engine/journey';
import { type JourneyProblem } from '../validation/journey-validator';
import { TextField } from './TextField';

interface DurationFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problems?: readonly JourneyProblem[];
  placeholder?: string;
  /** Longest allowed, for the hint (the validator enforces it). */
  maxLabel?: string;
}

/** A duration typed as text (`4h`, `2d`, `1h30m`) with immediate feedback on what it means. */
export function DurationField({ label, value, onChange, problems, placeholder, maxLabel }: DurationFieldProps) {
  const trimmed = value.trim();
  const ms = trimmed === '' ? undefined : parseDuration(trimmed);
  const hint =
    trimmed === '' ? (
      `Write e.g. 30m, 4h, 2d or 1h30m${maxLabel ? ` (at most ${maxLabel})` : ''}.`
    ) : ms === undefined ? (
      <span className="duration-feedback duration-feedback--bad">Not a duration: write e.g. 30m, 4h, 2d or 1h30m (no spaces).</span>
    ) : (
      <span className="duration-feedback duration-feedback--ok">= {formatDuration(ms)}</span>
    );
  return (
    <TextField
      label={label}
      value={value}
      onChange={(text) => onChange(text.replace(/\s+/g, ''))}
      placeholder={placeholder ?? '4h'}
      hint={hint}
      problems={problems}
      monospace
      className="form-field--duration"
    />
  );
}
