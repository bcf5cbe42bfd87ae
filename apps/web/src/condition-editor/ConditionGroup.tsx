import { type Condition } from '@engine/journey';
import { FieldProblems } from '../forms/FieldProblems';
import { type JourneyProblem } from '../validation/journey-validator';
import { problemsAt } from '../validation/problems-index';
import { combinator, type GroupKind, groupCondition, groupItemPath, isNegatedGroup, readGroup, readRow, withNegation } from './condition-layout';
import { type ConditionContext, GROUP_KIND_OPTIONS } from './condition-vocabulary';
import { FieldConditionRow } from './FieldConditionRow';
import { HistoryConditionRow } from './HistoryConditionRow';
import { SegmentConditionRow } from './SegmentConditionRow';

interface ConditionGroupProps {
  kind: GroupKind;
  items: Condition[];
  onChange: (kind: GroupKind, items: Condition[]) => void;
  onRemove?: () => void;
  /** Path of each item for problems: `${itemsPath}[i]`, or the path of the only item when it is not in a group. */
  itemPath: (index: number) => string;
  problems: readonly JourneyProblem[];
  context: ConditionContext;
  fieldListId: string;
  eventListId: string;
  depth: number;
}

export function newFieldCondition(context: ConditionContext): Condition {
  return { field: context === 'event' ? 'event.text' : 'tags.', op: 'eq', value: '' };
}

/** "Match all / any / none / not all of": rows, nested groups and past-event conditions. */
export function ConditionGroup(props: ConditionGroupProps) {
  const { kind, items, onChange, onRemove, itemPath, problems, context, fieldListId, eventListId, depth } = props;
  const joinedBy = combinator(kind);
  const title = GROUP_KIND_OPTIONS.find((option) => option.value === kind)?.title;
  // "None of" nothing holds, like "all of" nothing.
  const trueWhenEmpty = kind === 'and' || kind === 'not-or';
  const replace = (index: number, item: Condition): void => onChange(kind, items.map((existing, at) => (at === index ? item : existing)));
  const remove = (index: number): void => onChange(kind, items.filter((_, at) => at !== index));
  const className = `condition-group condition-group--depth-${Math.min(depth, 3)}${isNegatedGroup(kind) ? ' condition-group--negated' : ''}`;
  return (
    <div className={className} role="group" aria-label={title}>
      <div className="condition-group__header">
        <label className="condition-group__kind">
          <span>Match</span>
          <select className="input input--compact" value={kind} aria-label="How the conditions combine" onChange={(event) => onChange(event.target.value as GroupKind, items)}>
            {GROUP_KIND_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <span>of:</span>
        </label>
        {onRemove !== undefined && (
          <button type="button" className="icon-button" aria-label="Remove group" title="Remove group" onClick={onRemove}>
            ×
          </button>
        )}
      </div>
      {items.length === 0 && <p className="condition-group__empty">{trueWhenEmpty ? 'No conditions: always true.' : 'No conditions: never true.'}</p>}
      {items.map((item, index) => {
        const path = itemPath(index);
        const itemProblems = problemsAt(problems, path);
        const connector = index > 0 ? <span className="condition-group__connector">{joinedBy}</span> : null;
        const row = readRow(item);
        if (row?.kind === 'field') {
          return (
            <div key={index} className="condition-group__item">
              {connector}
              <FieldConditionRow
                condition={row.condition}
                onChange={(next) => replace(index, withNegation(next, row.negated))}
                negated={row.negated}
                onNegatedChange={(negated) => replace(index, withNegation(row.condition, negated))}
                onRemove={() => remove(index)}
                problems={itemProblems}
                fieldListId={fieldListId}
              />
            </div>
          );
        }
        if (row?.kind === 'history') {
          return (
            <div key={index} className="condition-group__item">
              {connector}
              <HistoryConditionRow
                condition={row.condition}
                onChange={(next) => replace(index, withNegation(next, row.negated))}
                negated={row.negated}
                onNegatedChange={(negated) => replace(index, withNegation(row.condition, negated))}
                onRemove={() => remove(index)}
                problems={itemProblems}
                eventListId={eventListId}
              />
            </div>
          );
        }
        if (row?.kind === 'segment') {
          return (
            <div key={index} className="condition-group__item">
              {connector}
              <SegmentConditionRow
                condition={row.condition}
                onChange={(next) => replace(index, withNegation(next, row.negated))}
                negated={row.negated}
                onNegatedChange={(negated) => replace(index, withNegation(row.condition, negated))}
                onRemove={() => remove(index)}
                problems={itemProblems}
              />
            </div>
          );
        }
        const group = readGroup(item);
        if (group !== undefined) {
          return (
            <div key={index} className="condition-group__item">
              {connector}
              <ConditionGroup
                {...props}
                kind={group.kind}
                items={group.items}
                depth={depth + 1}
                problems={itemProblems}
                itemPath={(nested) => groupItemPath(group.kind, path, nested)}
                onChange={(nextKind, nextItems) => replace(index, groupCondition(nextKind, nextItems))}
                onRemove={() => remove(index)}
              />
            </div>
          );
        }
        // A `not` of a `not`, or something malformed: shown as written, removable.
        return (
          <div key={index} className="condition-group__item">
            {connector}
            <div className="condition-row condition-row--raw">
              <code>{JSON.stringify(item)}</code>
              <button type="button" className="icon-button" aria-label="Remove condition" onClick={() => remove(index)}>
                ×
              </button>
              <FieldProblems problems={itemProblems} />
            </div>
          </div>
        );
      })}
      <div className="condition-group__actions">
        <button type="button" className="link-button" onClick={() => onChange(kind, [...items, newFieldCondition(context)])}>
          + Condition
        </button>
        {depth < 3 && (
          <button type="button" className="link-button" onClick={() => onChange(kind, [...items, joinedBy === 'and' ? { or: [newFieldCondition(context)] } : { and: [newFieldCondition(context)] }])}>
            + {joinedBy === 'and' ? 'Any-of' : 'All-of'} group
          </button>
        )}
        <button type="button" className="link-button" onClick={() => onChange(kind, [...items, { history: { event: '', count: { op: 'gte', value: 1 } } }])}>
          + Past event
        </button>
        <button type="button" className="link-button" onClick={() => onChange(kind, [...items, { segment: '' }])}>
          + In segment
        </button>
      </div>
    </div>
  );
}
