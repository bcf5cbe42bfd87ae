import { BUILT_IN_EVENTS, classifyCondition, type Condition, describeCondition } from '@engine/journey';
import { useId } from 'react';
import { FieldProblems } from '../forms/FieldProblems';
import { type JourneyProblem } from '../validation/journey-validator';
import { ConditionGroup, type GroupKind, newFieldCondition } from './ConditionGroup';
import { type ConditionContext, fieldSuggestions } from './condition-vocabulary';

interface ConditionEditorProps {
  label: string;
  value: Condition | undefined;
  onChange: (value: Condition | undefined) => void;
  /** Where the condition lives in the node, for its problems: `data.where`. */
  path: string;
  /** The node's problems (the editor picks the ones under `path`). */
  problems: readonly JourneyProblem[];
  context: ConditionContext;
  /** Optional conditions (an entry filter) may be removed entirely. */
  optional?: boolean;
  emptyText?: string;
}

/**
 * A visual editor for the condition language: field / operator / value rows in "all" or "any"
 * groups, nested groups and past-event conditions, with the condition read back as a sentence.
 */
export function ConditionEditor({ label, value, onChange, path, problems, context, optional = false, emptyText }: ConditionEditorProps) {
  const fieldListId = useId();
  const eventListId = useId();
  const titleId = useId();
  const own = problems.filter((problem) => problem.field !== undefined && (problem.field === path || problem.field.startsWith(`${path}.`)));
  const classified = value === undefined ? undefined : classifyCondition(value);
  const isGroup = classified?.kind === 'and' || classified?.kind === 'or';
  const kind: GroupKind = classified?.kind === 'or' ? 'or' : 'and';
  const items: Condition[] =
    value === undefined ? [] : classified?.kind === 'and' ? classified.condition.and : classified?.kind === 'or' ? classified.condition.or : [value];

  const change = (nextKind: GroupKind, nextItems: Condition[]): void => {
    if (nextItems.length === 0) onChange(optional ? undefined : { and: [] });
    else if (nextItems.length === 1 && !isGroup && nextKind === 'and') onChange(nextItems[0]);
    else onChange(nextKind === 'and' ? { and: nextItems } : { or: nextItems });
  };
  // Problems of the direct children: `path.and[i]` in a group, else the whole path for the single row.
  const itemPath = (index: number): string => (isGroup ? `${path}.${kind}[${index}]` : path);
  const shownProblems = own.filter((problem) => problem.field === path && isGroup);

  return (
    <section className="condition-editor" aria-labelledby={titleId}>
      <div className="condition-editor__header">
        <h3 className="form-field__label" id={titleId}>
          {label}
        </h3>
        {optional && value !== undefined && (
          <button type="button" className="link-button" onClick={() => onChange(undefined)}>
            Remove all
          </button>
        )}
      </div>
      {value === undefined ? (
        <div className="condition-editor__empty">
          <span>{emptyText ?? 'No conditions.'}</span>
          <button type="button" className="button button--small" onClick={() => onChange(newFieldCondition(context))}>
            + Add condition
          </button>
        </div>
      ) : (
        <>
          <ConditionGroup
            kind={kind}
            items={items}
            onChange={change}
            itemPath={itemPath}
            problems={own}
            context={context}
            fieldListId={fieldListId}
            eventListId={eventListId}
            depth={0}
          />
          <p className="condition-editor__reads">
            Reads: <q>{describeCondition(value)}</q>
          </p>
        </>
      )}
      <FieldProblems problems={shownProblems} />
      <datalist id={fieldListId}>
        {fieldSuggestions(context).map((field) => (
          <option key={field} value={field} />
        ))}
      </datalist>
      <datalist id={eventListId}>
        {BUILT_IN_EVENTS.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </section>
  );
}
