import { classifyCondition, type Condition } from '@engine/journey';
import { FieldProblems } from '../forms/FieldProblems';
import { type JourneyProblem } from '../validation/journey-validator';
import { problemsAt } from '../validation/problems-index';
import { type ConditionContext } from './condition-vocabulary';
import { FieldConditionRow } from './FieldConditionRow';
import { HistoryConditionRow } from './HistoryConditionRow';

export type GroupKind = 'and' | 'or';

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

/** "Match all / any of": rows, nested groups and past-event conditions. */
export function ConditionGroup(props: ConditionGroupProps) {
  const { kind, items, onChange, onRemove, itemPath, problems, context, fieldListId, eventListId, depth } = props;
  const replace = (index: number, item: Condition): void => onChange(kind, items.map((existing, at) => (at === index ? item : existing)));
  const remove = (index: number): void => onChange(kind, items.filter((_, at) => at !== index));
  return (
    <div className={`condition-group condition-group--depth-${Math.min(depth, 3)}`} role="group" aria-label={kind === 'and' ? 'All of these' : 'Any of these'}>
      <div className="condition-group__header">
        <label className="condition-group__kind">
          <span>Match</span>
          <select className="input input--compact" value={kind} aria-label="Match all or any" onChange={(event) => onChange(event.target.value as GroupKind, items)}>
            <option value="and">all</option>
            <option value="or">any</option>
          </select>
          <span>of:</span>
        </label>
        {onRemove !== undefined && (
          <button type="button" className="icon-button" aria-label="Remove group" title="Remove group" onClick={onRemove}>
            ×
          </button>
        )}
      </div>
      {items.length === 0 && <p className="condition-group__empty">{kind === 'and' ? 'No conditions: always true.' : 'No conditions: never true.'}</p>}
      {items.map((item, index) => {
        const path = itemPath(index);
        const itemProblems = problemsAt(problems, path);
        const classified = classifyCondition(item);
        const connector = index > 0 ? <span className="condition-group__connector">{kind === 'and' ? 'and' : 'or'}</span> : null;
        switch (classified.kind) {
          case 'field':
            return (
              <div key={index} className="condition-group__item">
                {connector}
                <FieldConditionRow condition={classified.condition} onChange={(next) => replace(index, next)} onRemove={() => remove(index)} problems={itemProblems} fieldListId={fieldListId} />
              </div>
            );
          case 'history':
            return (
              <div key={index} className="condition-group__item">
                {connector}
                <HistoryConditionRow condition={classified.condition} onChange={(next) => replace(index, next)} onRemove={() => remove(index)} problems={itemProblems} eventListId={eventListId} />
              </div>
            );
          case 'and':
          case 'or': {
            const nestedKind = classified.kind;
            const nestedItems = nestedKind === 'and' ? (item as { and: Condition[] }).and : (item as { or: Condition[] }).or;
            return (
              <div key={index} className="condition-group__item">
                {connector}
                <ConditionGroup
                  {...props}
                  kind={nestedKind}
                  items={nestedItems}
                  depth={depth + 1}
                  problems={itemProblems}
                  itemPath={(nested) => `${path}.${nestedKind}[${nested}]`}
                  onChange={(nextKind, nextItems) => replace(index, nextKind === 'and' ? { and: nextItems } : { or: nextItems })}
                  onRemove={() => remove(index)}
                />
              </div>
            );
          }
          case 'not':
          case 'invalid':
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
        }
      })}
      <div className="condition-group__actions">
        <button type="button" className="link-button" onClick={() => onChange(kind, [...items, newFieldCondition(context)])}>
          + Condition
        </button>
        {depth < 3 && (
          <button type="button" className="link-button" onClick={() => onChange(kind, [...items, kind === 'and' ? { or: [newFieldCondition(context)] } : { and: [newFieldCondition(context)] }])}>
            + {kind === 'and' ? 'Any-of' : 'All-of'} group
          </button>
        )}
        <button type="button" className="link-button" onClick={() => onChange(kind, [...items, { history: { event: '', count: { op: 'gte', value: 1 } } }])}>
          + Past event
        </button>
      </div>
    </div>
  );
}

