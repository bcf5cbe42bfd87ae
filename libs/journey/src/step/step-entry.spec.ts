import { compileJourney } from '../compile/compile-journey';
import { step } from './step';
import { appendStepEntries, type StepEntry, stepEntries } from './step-entry';
import { HOUR, MINUTE, T0, graph, node, roundTrip, user } from './testing/journey-fixture';

/** entry -> push -> wait 1h -> vip? -> yes: email -> exit; no: exit-no. Goal: Purchase ends it. */
const journeyGraph = graph(
  [
    node('in', 'entry.event', { event: 'Signup' }),
    node('push', 'send.push', { title: 'Hi', body: 'Promo' }),
    node('wait', 'wait.delay', { mode: 'duration', duration: '1h' }),
    node('vip', 'branch.condition', { condition: { field: 'tags.vip', op: 'eq', value: true } }),
    node('email', 'send.email', { subject: 'Promo', html: '<p>Promo</p>' }),
    node('end', 'exit', {}),
    node('end-no', 'exit', {}),
  ],
  [
    ['in', 'next', 'push'],
    ['push', 'next', 'wait'],
    ['wait', 'next', 'vip'],
    ['vip', 'yes', 'email'],
    ['vip', 'no', 'end-no'],
    ['email', 'next', 'end'],
  ],
  [{ id: 'buy', event: 'Purchase', period: '7d', endsJourney: true }],
);
const journey = compileJourney(journeyGraph);
const noSilentHours = () => 0;

describe('stepEntries: the step log of one step', () => {
  it('records the entry, the send asked for (held by silent hours), then the outcome, the wait and the condition taken', () => {
    const facts = user({ tags: { vip: false } });
    const entered = step(journey, undefined, { kind: 'event', name: 'Signup', attributes: {}, user: facts }, T0);
    const heldUntil = T0 + 11 * HOUR;
    expect(stepEntries(journeyGraph, undefined, entered, { kind: 'event', name: 'Signup', attributes: {}, user: facts }, T0, () => heldUntil)).toEqual<StepEntry[]>([
      { kind: 'entered', node: 'in', event: 'Signup', at: T0 },
      { kind: 'reached', node: 'push', from: 'in', at: T0 },
      { kind: 'send-asked', node: 'push', channel: 'push', visit: 1, heldUntil, at: T0 },
    ]);

    const outcomeInput = { kind: 'sendOutcome', nodeId: 'push', visit: 1, outcome: 'sent', at: heldUntil, user: facts } as const;
    const sent = step(journey, roundTrip(entered.snapshot), outcomeInput, heldUntil);
    expect(stepEntries(journeyGraph, 'push', sent, outcomeInput, heldUntil, noSilentHours)).toEqual<StepEntry[]>([
      { kind: 'send-outcome', node: 'push', visit: 1, outcome: 'sent', at: heldUntil },
      { kind: 'reached', node: 'wait', from: 'push', at: heldUntil },
      { kind: 'waiting', node: 'wait', until: heldUntil + HOUR, at: heldUntil },
    ]);

    const timerInput = { kind: 'timer', timerId: (sent.effects.find((effect) => effect.kind === 'schedule') as { timerId: string }).timerId, user: facts } as const;
    const later = heldUntil + HOUR;
    const branched = step(journey, roundTrip(sent.snapshot), timerInput, later);
    expect(stepEntries(journeyGraph, 'wait', branched, timerInput, later, noSilentHours)).toEqual<StepEntry[]>([
      { kind: 'reached', node: 'vip', from: 'wait', at: later },
      { kind: 'reached', node: 'end-no', from: 'vip', via: 'no', at: later },
      { kind: 'exited', reason: 'completed', node: 'end-no', at: later },
    ]);
  });

  it('records the event that reached a goal, the held send it cancelled and the exit by the goal', () => {
    const facts = user();
    const entered = step(journey, undefined, { kind: 'event', name: 'Signup', attributes: {}, user: facts }, T0);
    const goalInput = { kind: 'event', name: 'Purchase', attributes: {}, user: facts } as const;
    const converted = step(journey, roundTrip(entered.snapshot), goalInput, T0 + MINUTE);
    expect(stepEntries(journeyGraph, 'push', converted, goalInput, T0 + MINUTE, noSilentHours)).toEqual<StepEntry[]>([
      { kind: 'event', name: 'Purchase', at: T0 + MINUTE },
      { kind: 'send-cancelled', node: 'push', visit: 1, at: T0 + MINUTE },
      { kind: 'goal', goal: 'buy', at: T0 + MINUTE },
      { kind: 'exited', reason: 'goal', at: T0 + MINUTE },
    ]);
  });

  it('records nothing for a step that changed nothing', () => {
    const input = { kind: 'event', name: 'Other', attributes: {}, user: user() } as const;
    expect(stepEntries(journeyGraph, undefined, step(journey, undefined, input, T0), input, T0, noSilentHours)).toEqual([]);
  });
});

describe('appendStepEntries', () => {
  const entry = (at: number): StepEntry => ({ kind: 'event', name: 'E', at });

  it('keeps the last entries up to the limit and counts the dropped ones', () => {
    expect(appendStepEntries([entry(1), entry(2)], [entry(3)], 5)).toEqual({ log: [entry(1), entry(2), entry(3)], dropped: 0 });
    expect(appendStepEntries([entry(1), entry(2)], [entry(3), entry(4)], 3)).toEqual({ log: [entry(2), entry(3), entry(4)], dropped: 1 });
  });
});
