import { type WaitEventBranch } from '@engine/journey';
import { ConditionEditor } from '../condition-editor/ConditionEditor';
import { DurationField } from '../forms/DurationField';
import { EventNameField } from '../forms/EventNameField';
import { FieldProblems } from '../forms/FieldProblems';
import { TextField } from '../forms/TextField';
import { uniqueId } from '../graph-editing/node-ids';
import { problemsAt } from '../validation/problems-index';
import { type NodePanelProps } from './node-panel-props';

export function WaitEventPanel({ node, onChange, problems }: NodePanelProps<'wait.event'>) {
  const data = node.data;
  const branches = data.branches;
  const setBranches = (next: WaitEventBranch[]): void => onChange({ ...data, branches: next }, 'branches');
  const updateBranch = (index: number, branch: WaitEventBranch): void => setBranches(branches.map((existing, at) => (at === index ? branch : existing)));
  return (
    <>
      <p className="panel-note">The user waits here until one of these events, and takes the path of the first that happens.</p>
      {branches.map((branch, index) => {
        const path = `data.branches[${index}]`;
        return (
          <fieldset key={branch.id} className="branch-card">
            <legend className="branch-card__title">Path {index + 1}</legend>
            <button type="button" className="icon-button branch-card__remove" aria-label={`Remove path ${branch.label || index + 1}`} onClick={() => setBranches(branches.filter((_, at) => at !== index))}>
              ×
            </button>
            <TextField label="Name on the path" value={branch.label ?? ''} onChange={(label) => updateBranch(index, { ...branch, label })} placeholder="Purchased" problems={problemsAt(problems, `${path}.label`)} />
            {branch.events.map((match, eventIndex) => (
              <div key={eventIndex} className="branch-card__event">
                <div className="list-editor__row">
                  <EventNameField
                    label={eventIndex === 0 ? 'When the user does' : 'or'}
                    value={match.event}
                    onChange={(event) => updateBranch(index, { ...branch, events: branch.events.map((existing, at) => (at === eventIndex ? { ...existing, event } : existing)) })}
                    problems={problemsAt(problems, `${path}.events[${eventIndex}].event`)}
                  />
                  {branch.events.length > 1 && (
                    <button type="button" className="icon-button" aria-label={`Remove event ${match.event || eventIndex + 1}`} onClick={() => updateBranch(index, { ...branch, events: branch.events.filter((_, at) => at !== eventIndex) })}>
                      ×
                    </button>
                  )}
                </div>
                <ConditionEditor
                  label="Only when"
                  value={match.where}
                  onChange={(where) =>
                    updateBranch(index, {
                      ...branch,
                      events: branch.events.map((existing, at) => {
                        if (at !== eventIndex) return existing;
                        const { where: _old, ...rest } = existing;
                        return where === undefined ? rest : { ...rest, where };
                      }),
                    })
                  }
                  path={`${path}.events[${eventIndex}].where`}
                  problems={problems}
                  context="event"
                  optional
                  emptyText="Any such event."
                />
              </div>
            ))}
            <button type="button" className="link-button" onClick={() => updateBranch(index, { ...branch, events: [...branch.events, { event: '' }] })}>
              + Another event for this path
            </button>
            <FieldProblems problems={problemsAt(problems, path).filter((problem) => problem.field === path || problem.field === `${path}.id` || problem.field === `${path}.events`)} />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--small"
        onClick={() => setBranches([...branches, { id: uniqueId(`event-${branches.length + 1}`, new Set(branches.map((branch) => branch.id))), label: '', events: [{ event: '' }] }])}
      >
        + Path
      </button>
      <FieldProblems problems={problemsAt(problems, 'data.branches').filter((problem) => problem.field === 'data.branches')} />
      <DurationField label="Give up after (timeout path)" value={data.timeout} onChange={(timeout) => onChange({ ...data, timeout }, 'timeout')} problems={problemsAt(problems, 'data.timeout')} maxLabel="90 days" />
    </>
  );
}
