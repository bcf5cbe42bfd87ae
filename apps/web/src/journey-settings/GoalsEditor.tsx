import { type ConversionGoal } from '@engine/journey';
import { ConditionEditor } from '../condition-editor/ConditionEditor';
import { CheckboxField } from '../forms/CheckboxField';
import { DurationField } from '../forms/DurationField';
import { EventNameField } from '../forms/EventNameField';
import { FieldProblems } from '../forms/FieldProblems';
import { TextField } from '../forms/TextField';
import { uniqueId } from '../graph-editing/node-ids';
import { type JourneyProblem } from '../validation/journey-validator';
import { problemsAt } from '../validation/problems-index';

export function GoalsEditor({ goals, onChange, problems }: { goals: ConversionGoal[]; onChange: (goals: ConversionGoal[], field: string) => void; problems: readonly JourneyProblem[] }) {
  const update = (index: number, goal: ConversionGoal, field: string): void => onChange(goals.map((existing, at) => (at === index ? goal : existing)), `goals[${index}].${field}`);
  return (
    <section className="settings-section" aria-labelledby="settings-goals">
      <h3 id="settings-goals">Conversion goals</h3>
      <p className="settings-section__intro">A conversion is the goal event within a period after the user entered.</p>
      {goals.map((goal, index) => {
        const path = `settings.goals[${index}]`;
        return (
          <fieldset key={goal.id} className="branch-card">
            <legend className="branch-card__title">Goal {index + 1}</legend>
            <button type="button" className="icon-button branch-card__remove" aria-label={`Remove goal ${goal.name || index + 1}`} onClick={() => onChange(goals.filter((_, at) => at !== index), 'goals')}>
              ×
            </button>
            <div className="form-row">
              <TextField label="Name" value={goal.name ?? ''} onChange={(name) => update(index, { ...goal, name }, 'name')} placeholder="Purchase" problems={problemsAt(problems, `${path}.name`)} />
              <EventNameField value={goal.event} onChange={(event) => update(index, { ...goal, event }, 'event')} problems={problemsAt(problems, `${path}.event`)} />
            </div>
            <ConditionEditor
              label="Only when"
              value={goal.where}
              onChange={(where) => {
                const { where: _old, ...rest } = goal;
                update(index, where === undefined ? rest : { ...rest, where }, 'where');
              }}
              path={`${path}.where`}
              problems={problems}
              context="event"
              optional
              emptyText="Any such event counts."
            />
            <div className="form-row">
              <DurationField label="Counted within" value={goal.period} onChange={(period) => update(index, { ...goal, period }, 'period')} problems={problemsAt(problems, `${path}.period`)} maxLabel="30 days" />
              <CheckboxField label="Reaching it ends the journey" checked={goal.endsJourney} onChange={(endsJourney) => update(index, { ...goal, endsJourney }, 'endsJourney')} />
            </div>
            <FieldProblems problems={problemsAt(problems, `${path}.id`)} />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange([...goals, { id: uniqueId(`goal-${goals.length + 1}`, new Set(goals.map((goal) => goal.id))), name: '', event: '', period: '7d', endsJourney: true }], 'goals')}
      >
        + Goal
      </button>
    </section>
  );
}
