import { type JourneyNode } from '../../format/journey-graph';
import { buildGraph, chain, entryEventNode, exitNode, minimalJourney, waitDelayNode } from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

function problemsOf(step: JourneyNode) {
  return validateJourney(buildGraph([entryEventNode('start'), step, exitNode('done')], chain('start', step.id, 'done'))).problems;
}

describe('time rules', () => {
  it('reports a bad time of day, time zone and weekdays', () => {
    const step = waitDelayNode('wait', { mode: 'timeOfDay', time: '9:00', timeZone: 'Mars/Olympus', weekdays: [1, 0, 8] }, { label: 'Morning' });
    expect(problemsOf(step)).toEqual([
      {
        severity: 'error',
        code: 'invalid-time',
        message: 'Node "Morning" (Wait): "9:00" is not a time of day; write it as HH:mm, e.g. 09:00 or 18:30.',
        nodeId: 'wait',
        field: 'data.time',
      },
      {
        severity: 'error',
        code: 'invalid-time-zone',
        message: 'Node "Morning" (Wait): "Mars/Olympus" is not a known time zone; use a name such as Europe/Berlin or UTC.',
        nodeId: 'wait',
        field: 'data.timeZone',
      },
      {
        severity: 'error',
        code: 'invalid-weekday',
        message: 'Node "Morning" (Wait): weekday 0 does not exist; use 1 (Monday) to 7 (Sunday).',
        nodeId: 'wait',
        field: 'data.weekdays[1]',
      },
      {
        severity: 'error',
        code: 'invalid-weekday',
        message: 'Node "Morning" (Wait): weekday 8 does not exist; use 1 (Monday) to 7 (Sunday).',
        nodeId: 'wait',
        field: 'data.weekdays[2]',
      },
    ]);
    expect(problemsOf(waitDelayNode('wait', { mode: 'timeOfDay', time: '23:59', timeZone: 'America/New_York' }))).toEqual([]);
  });

  it('reports a wait until a date with no source, two sources, or a bad fixed date', () => {
    const noSource = {
      severity: 'error',
      code: 'wait-date-source',
      message: 'Node "wait" (Wait): choose exactly one date to wait for: a fixed date, a user tag or an event attribute.',
      nodeId: 'wait',
    };
    expect(problemsOf(waitDelayNode('wait', { mode: 'date' }))).toEqual([noSource]);
    expect(problemsOf(waitDelayNode('wait', { mode: 'date', date: '2030-01-01', fromTag: 'birthday' }))).toEqual([noSource]);
    expect(problemsOf(waitDelayNode('wait', { mode: 'date', date: 'next friday' }))).toEqual([
      {
        severity: 'error',
        code: 'invalid-date',
        message: 'Node "wait" (Wait): "next friday" is not a date; write it as 2025-12-24 or 2025-12-24T18:00:00Z.',
        nodeId: 'wait',
        field: 'data.date',
      },
    ]);
    expect(problemsOf(waitDelayNode('wait', { mode: 'date', date: '2030-12-24T18:00:00+01:00' }))).toEqual([]);
    expect(problemsOf(waitDelayNode('wait', { mode: 'date', fromEventAttribute: 'appointment' }))).toEqual([]);
  });

  it('reports bad silent hours', () => {
    const graph = minimalJourney();
    graph.settings.silentHours = {
      channels: ['push'],
      windows: [{ weekdays: [6, 9], from: '22:00', to: '25:00' }],
      fallbackTimeZone: 'Nowhere/City',
    };
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'invalid-time',
        message: 'Silent hours: "25:00" is not a time of day; write it as HH:mm, e.g. 09:00 or 18:30.',
        field: 'settings.silentHours.windows[0].to',
      },
      {
        severity: 'error',
        code: 'invalid-weekday',
        message: 'Silent hours: weekday 9 does not exist; use 1 (Monday) to 7 (Sunday).',
        field: 'settings.silentHours.windows[0].weekdays[1]',
      },
      {
        severity: 'error',
        code: 'invalid-time-zone',
        message: 'Silent hours: "Nowhere/City" is not a known time zone; use a name such as Europe/Berlin or UTC.',
        field: 'settings.silentHours.fallbackTimeZone',
      },
    ]);
  });
});
