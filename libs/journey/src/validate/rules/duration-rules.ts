import { DAY_MS, parseDuration } from '../../duration/duration';
import { type JourneyGraphView } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { goalSubject } from '../wording';
import { nodeProblem, plainProblem } from './make-problem';

interface DurationRule {
  /** The duration in words, e.g. `reply window`. */
  what: string;
  /** 0 is meaningless here (a window, a timeout, a period). */
  positive?: boolean;
  maxDays?: number;
  /** May start with `-` or `+` (an offset). */
  signed?: boolean;
}

interface DurationFinding {
  code: string;
  text: string;
}

/** Every duration of the journey parses, and lies within its range. */
export function durationRules(view: JourneyGraphView): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  const onNode = (node: (typeof view.nodes)[number], value: string | undefined, field: string, rule: DurationRule): void => {
    const finding = checkDuration(value, rule);
    if (finding !== undefined) problems.push(nodeProblem(node, finding.code, finding.text, { field }));
  };
  for (const node of view.nodes) {
    const typed = node.node;
    switch (typed?.type) {
      case 'entry.segment':
        onNode(node, typed.data.repeatEvery, 'data.repeatEvery', { what: 'repeat interval', positive: true });
        break;
      case 'wait.delay':
        if (typed.data.mode === 'duration') onNode(node, typed.data.duration, 'data.duration', { what: 'delay' });
        if (typed.data.mode === 'date') onNode(node, typed.data.offset, 'data.offset', { what: 'offset', signed: true });
        break;
      case 'wait.event':
        onNode(node, typed.data.timeout, 'data.timeout', { what: 'timeout', positive: true, maxDays: 90 });
        break;
      case 'branch.engagement':
        onNode(node, typed.data.window, 'data.window', { what: 'window', positive: true, maxDays: 30 });
        break;
      case 'send.whatsapp':
        onNode(node, typed.data.replyWindow, 'data.replyWindow', { what: 'reply window', positive: true, maxDays: 30 });
        break;
      default:
        break;
    }
  }

  const onSetting = (subject: string, value: string | undefined, field: string, rule: DurationRule): void => {
    const finding = checkDuration(value, rule);
    if (finding !== undefined) problems.push(plainProblem(finding.code, `${subject}: ${finding.text}`, { field }));
  };
  const { goals, reentry, frequencyCap, throttling } = view.settings;
  goals?.forEach((goal, index) =>
    onSetting(goalSubject(goal), goal.period, `settings.goals[${index}].period`, { what: 'conversion period', positive: true, maxDays: 30 }),
  );
  if (reentry !== undefined) onSetting('Re-entry', reentry.cooldown, 'settings.reentry.cooldown', { what: 'cooldown', positive: true });
  if (frequencyCap !== undefined) {
    onSetting('Frequency capping', frequencyCap.period, 'settings.frequencyCap.period', { what: 'period', positive: true });
  }
  throttling?.forEach((throttle, index) =>
    onSetting(`Throttling of ${throttle.channel}`, throttle.per, `settings.throttling[${index}].per`, { what: 'period', positive: true }),
  );
  return problems;
}

function checkDuration(value: string | undefined, rule: DurationRule): DurationFinding | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(rule.signed ? value.replace(/^[+-]/, '') : value);
  if (ms === undefined) {
    return { code: 'invalid-duration', text: `the ${rule.what} "${value}" is not a duration; write it like 30m, 4h, 2d or 1h30m.` };
  }
  if (rule.positive && ms === 0) return { code: 'duration-not-positive', text: `the ${rule.what} must be longer than 0.` };
  if (rule.maxDays !== undefined && ms > rule.maxDays * DAY_MS) {
    return { code: 'duration-too-long', text: `the ${rule.what} of ${value} is too long; it can be at most ${rule.maxDays} days.` };
  }
  return undefined;
}
