import { parseIsoInstant } from '../../time/parse-instant';
import { isValidTimeOfDay, isValidTimeZone } from '../../time/time-of-day';
import { type JourneyGraphView, type ViewNode } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { nodeProblem, plainProblem } from './make-problem';

/** Times of day (HH:mm), time zones, weekdays (1..7) and dates a wait or silent hours rely on. */
export function timeRules(view: JourneyGraphView): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  for (const node of view.nodes) {
    if (node.node?.type !== 'wait.delay') continue;
    const data = node.node.data;
    if (data.mode === 'timeOfDay') {
      const at = (finding: Finding | undefined, field: string): void => {
        if (finding !== undefined) problems.push(nodeProblem(node, finding.code, finding.text, { field }));
      };
      at(checkTime(data.time), 'data.time');
      if (data.timeZone !== undefined) at(checkTimeZone(data.timeZone), 'data.timeZone');
      data.weekdays?.forEach((day, index) => at(checkWeekday(day), `data.weekdays[${index}]`));
    }
    if (data.mode === 'date') problems.push(...dateProblems(node, data));
  }

  const silentHours = view.settings.silentHours;
  if (silentHours !== undefined) {
    const at = (finding: Finding | undefined, field: string): void => {
      if (finding !== undefined) problems.push(plainProblem(finding.code, `Silent hours: ${finding.text}`, { field }));
    };
    silentHours.windows.forEach((window, index) => {
      const base = `settings.silentHours.windows[${index}]`;
      at(checkTime(window.from), `${base}.from`);
      at(checkTime(window.to), `${base}.to`);
      window.weekdays.forEach((day, dayIndex) => at(checkWeekday(day), `${base}.weekdays[${dayIndex}]`));
    });
    at(checkTimeZone(silentHours.fallbackTimeZone), 'settings.silentHours.fallbackTimeZone');
  }
  return problems;
}

interface Finding {
  code: string;
  text: string;
}

function checkTime(time: string): Finding | undefined {
  return isValidTimeOfDay(time)
    ? undefined
    : { code: 'invalid-time', text: `"${time}" is not a time of day; write it as HH:mm, e.g. 09:00 or 18:30.` };
}

function checkTimeZone(timeZone: string): Finding | undefined {
  return isValidTimeZone(timeZone)
    ? undefined
    : { code: 'invalid-time-zone', text: `"${timeZone}" is not a known time zone; use a name such as Europe/Berlin or UTC.` };
}

function checkWeekday(day: number): Finding | undefined {
  return day >= 1 && day <= 7
    ? undefined
    : { code: 'invalid-weekday', text: `weekday ${day} does not exist; use 1 (Monday) to 7 (Sunday).` };
}

/** A wait until a date reads it from exactly one place, and a fixed date is a real date. */
function dateProblems(
  node: ViewNode,
  data: { date?: string; fromTag?: string; fromEventAttribute?: string },
): JourneyProblem[] {
  const sources = [data.date, data.fromTag, data.fromEventAttribute].filter((source) => source !== undefined && source.trim() !== '');
  if (sources.length !== 1) {
    return [
      nodeProblem(node, 'wait-date-source', 'choose exactly one date to wait for: a fixed date, a user tag or an event attribute.'),
    ];
  }
  if (data.date !== undefined && data.date.trim() !== '' && parseIsoInstant(data.date) === undefined) {
    return [
      nodeProblem(node, 'invalid-date', `"${data.date}" is not a date; write it as 2025-12-24 or 2025-12-24T18:00:00Z.`, {
        field: 'data.date',
      }),
    ];
  }
  return [];
}
