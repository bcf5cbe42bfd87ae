import { type Condition, describeCondition } from '@engine/journey';
import { useId } from 'react';
import { EventNameSuggestions } from '../forms/EventNameField';
import { FieldProblems } from '../forms/FieldProblems';
import { type JourneyProblem } from '../validation/journey-validator';
import { ConditionGroup, newFieldCondition } from './ConditionGroup';
import { type GroupKind, groupCondition, groupItemPath, isNegatedGroup, readGroup } from './condition-layout';
import { useReceivedEventNames } from '../event-names/project-event-names-context';
import { useProjectTags } from '../audience/tag-catalogue';
import { catalogueFieldSuggestions, type ConditionContext } from './condition-vocabulary';

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
 * A visual editor for the condition language: field / operator / value rows in "all", "any",
 * "none" or "not all" groups, nested groups and past-event conditions, each row negatable, with
 * the condition read back as a sentence.
 */
export function ConditionEditor({ label, value, onChange, path, problems, context, optional = false, emptyText }: ConditionEditorProps) {
  const fieldListId = useId();
  const { received } = useReceivedEventNames();
  const tags = useProjectTags();
  const eventListId = useId();
  const titleId = useId();
  const own = problems.filter((problem) => problem.field !== undefined && (problem.field === path || problem.field.startsWith(`${path}.`)));
  // A single row (negated or not) is shown as the only row of an "all of" group.
  const group = value === undefined ? undefined : readGroup(value);
  const isGroup = group !== undefined;
  const kind: GroupKind = group?.kind ?? 'and';
  const items: Condition[] = value === undefined ? [] : (group?.items ?? [value]);

  const change = (nextKind: GroupKind, nextItems: Condition[]): void => {
    // An emptied "none of" keeps its negation: the user chose it and will add to it.
    if (nextItems.length === 0) onChange(optional ? undefined : isNegatedGroup(nextKind) ? groupCondition(nextKind, []) : { and: [] });
    else if (nextItems.length === 1 && !isGroup && nextKind === 'and') onChange(nextItems[0]);
    else onChange(groupCondition(nextKind, nextItems));
  };
  // Problems of the direct children: `path.and[i]` (`path.not.or[i]`) in a group, else the whole path for the single row.
  const itemPath = (index: number): string => (isGroup ? groupItemPath(kind, path, index) : path);
  const shownProblems = own.filter((problem) => isGroup && (problem.field === path || (isNegatedGroup(kind) && problem.field === `${path}.not`)));

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
        {catalogueFieldSuggestions(context, received, tags).map((suggestion) => (
          <option key={suggestion.field} value={suggestion.field} label={suggestion.label} />
        ))}
      </datalist>
      <EventNameSuggestions id={eventListId} />
    </section>
  );
}
