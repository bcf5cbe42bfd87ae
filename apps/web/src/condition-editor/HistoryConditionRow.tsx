import { type HistoryCondition } from '@engine/journey';
import { FieldProblems } from '../forms/FieldProblems';
import { type JourneyProblem } from '../validation/journey-validator';
import { NegationToggle } from './NegationToggle';
import { COUNT_OPTIONS } from './condition-vocabulary';

type CountOp = NonNullable<HistoryCondition['history']['count']>['op'];

interface HistoryConditionRowProps {
  condition: HistoryCondition;
  onChange: (condition: HistoryCondition) => void;
  /** Shown inside a `not`: the group wraps and unwraps it. */
  negated: boolean;
  onNegatedChange: (negated: boolean) => void;
  onRemove: () => void;
  problems: readonly JourneyProblem[];
  eventListId: string;
}

/** "[Not] Did <event> at least 1 times within 30d": past behaviour, counted by the engine. */
export function HistoryConditionRow({ condition, onChange, negated, onNegatedChange, onRemove, problems, eventListId }: HistoryConditionRowProps) {
  const history = condition.history;
  const count = history.count ?? { op: 'gte', value: 1 };
  const update = (patch: Partial<HistoryCondition['history']>): void => onChange({ history: { ...history, ...patch } });
  return (
    <div className="condition-row condition-row--history" role="group" aria-label="Past event condition">
      <NegationToggle negated={negated} onChange={onNegatedChange} />
      <span className="condition-row__word">Did</span>
      <input
        className="input input--mono condition-row__field"
        aria-label="Past event"
        list={eventListId}
        placeholder="Purchase"
        value={history.event}
        onChange={(event) => update({ event: event.target.value })}
      />
      <select className="input condition-row__op" aria-label="How often" value={count.op} onChange={(event) => update({ count: { ...count, op: event.target.value as CountOp } })}>
        {COUNT_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <input
        className="input condition-row__count"
        aria-label="Times"
        title="times"
        type="number"
        min={0}
        value={count.value}
        onChange={(event) => update({ count: { ...count, value: Math.max(0, Math.trunc(Number(event.target.value) || 0)) } })}
      />
      <span className="condition-row__word">within</span>
      <input
        className="input input--mono condition-row__within"
        aria-label="Within (duration, empty for all time)"
        placeholder="all time"
        value={history.within ?? ''}
        onChange={(event) => {
          const within = event.target.value.replace(/\s+/g, '');
          const { within: _old, ...rest } = history;
          onChange({ history: within === '' ? rest : { ...rest, within } });
        }}
      />
      <button type="button" className="icon-button" aria-label="Remove past event condition" title="Remove" onClick={onRemove}>
        ×
      </button>
      <FieldProblems problems={problems} />
    </div>
  );
}
