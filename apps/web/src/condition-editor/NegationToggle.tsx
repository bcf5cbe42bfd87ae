interface NegationToggleProps {
  negated: boolean;
  onChange: (negated: boolean) => void;
}

/** "Not" at the start of a row: ticked, the row holds when its condition does not. */
export function NegationToggle({ negated, onChange }: NegationToggleProps) {
  return (
    <label className={negated ? 'condition-row__not condition-row__not--on' : 'condition-row__not'} title="True when this condition does not hold">
      <input type="checkbox" checked={negated} onChange={(event) => onChange(event.target.checked)} />
      <span>Not</span>
    </label>
  );
}
