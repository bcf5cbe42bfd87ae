import { type JourneyGraphView } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { goalSubject } from '../wording';
import { plainProblem } from './make-problem';

/** Goals have distinct ids; re-entry, capping and throttling settings are complete and positive. */
export function settingsRules(view: JourneyGraphView): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  const { goals, reentry, frequencyCap, throttling } = view.settings;
  const goalIds = new Set<string>();
  goals?.forEach((goal, index) => {
    if (goalIds.has(goal.id)) {
      problems.push(
        plainProblem('duplicate-goal-id', `${goalSubject(goal)}: another goal already uses the id "${goal.id}"; every goal needs its own id.`, {
          field: `settings.goals[${index}].id`,
        }),
      );
    }
    goalIds.add(goal.id);
  });
  if (reentry?.mode === 'cooldown' && reentry.cooldown === undefined) {
    problems.push(
      plainProblem('reentry-cooldown-missing', 'Re-entry: users may re-enter after a cooldown, but no cooldown is set; set how long they must wait.', {
        field: 'settings.reentry.cooldown',
      }),
    );
  }
  if (frequencyCap !== undefined && frequencyCap.maxMessages < 1) {
    problems.push(
      plainProblem('frequency-cap-invalid', `Frequency capping: at most ${frequencyCap.maxMessages} messages would block every send; allow at least 1.`, {
        field: 'settings.frequencyCap.maxMessages',
      }),
    );
  }
  throttling?.forEach((throttle, index) => {
    if (throttle.limit < 1) {
      problems.push(
        plainProblem('throttle-limit-invalid', `Throttling of ${throttle.channel}: a limit of ${throttle.limit} would block every send; allow at least 1.`, {
          field: `settings.throttling[${index}].limit`,
        }),
      );
    }
  });
  return problems;
}
