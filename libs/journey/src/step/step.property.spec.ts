import fc from 'fast-check';
import { type JourneyMachine, compileJourney } from '../compile/compile-journey';
import { GOAL_REACHED_STATE, START_STATE } from '../compile/pseudo-states';
import { type Condition } from '../condition/condition';
import {
  type ConversionGoal,
  type EngagementMetric,
  type JourneyEdge,
  type JourneyGraph,
  type JourneyNode,
  type NodeDataByType,
} from '../format/journey-graph';
import { SEND_NODE_CHANNEL, type UserChannel, isSendNodeType } from '../format/node-types';
import { isWaitingNode, outHandles } from '../format/out-handles';
import { ENGAGEMENT_METRICS_BY_CHANNEL } from '../validate/engagement-metrics';
import { Dominators } from '../validate/graph/dominators';
import { validateJourney } from '../validate/validate-journey';
import { type Effect } from './effect';
import { type JourneyInput } from './journey-event';
import { type PersistedJourneySnapshot, step } from './step';
import { HOUR, T0, roundTrip } from './testing/journey-fixture';
import { waitingFor } from './waiting-for';

/**
 * Random valid journeys (valid by construction: every handle connected, every node reachable,
 * loops only back from nodes that wait, engagement checks only after their send node on every
 * path, splits summing to 100) driven by random inputs (events, timers, send outcomes). The stepper
 * must never throw, rest only at waiting nodes or at a send node whose message is held, send at
 * most once per node visit, ask for no further message while one is held, and never move a done
 * instance.
 */

const EVENTS = ['Purchase', 'AppOpen', 'PW_WhatsAppReceived', 'PW_PushOpened', 'PW_EmailOpened', 'PW_EmailClicked', 'PW_WhatsAppRead', 'PW_WhatsAppDelivered'];
const MIDDLE_KINDS = [
  'send.push',
  'send.email',
  'send.whatsapp',
  'whatsapp.replies',
  'send.sms',
  'send.webhook',
  'update.tags',
  'wait.delay',
  'wait.event',
  'branch.engagement',
  'branch.condition',
  'branch.split',
  'branch.reachability',
] as const;
type MiddleKind = (typeof MIDDLE_KINDS)[number];
// The metrics each channel reports (SMS reports none, so no check follows an SMS).
const METRICS: Record<UserChannel, readonly EngagementMetric[]> = ENGAGEMENT_METRICS_BY_CHANNEL;

interface MiddlePlan {
  kind: MiddleKind;
  seed: number;
  targets: number[];
  back: boolean[];
}
interface GraphPlan {
  entries: Array<{ kind: 'entry.event' | 'entry.segment' | 'entry.api'; seed: number; target: number }>;
  middle: MiddlePlan[];
  goals: Array<{ seed: number; endsJourney: boolean }>;
}

const seedArb = fc.nat({ max: 1_000_000 });
const graphPlanArb: fc.Arbitrary<GraphPlan> = fc.record({
  entries: fc.array(
    fc.record({ kind: fc.constantFrom('entry.event' as const, 'entry.segment' as const, 'entry.api' as const), seed: seedArb, target: fc.nat() }),
    { minLength: 1, maxLength: 2 },
  ),
  middle: fc.array(
    fc.record({
      // Nodes that wait come up twice as often, so instances live long enough to meet many inputs.
      kind: fc.constantFrom(...MIDDLE_KINDS, 'wait.delay', 'wait.event', 'whatsapp.replies', 'branch.engagement', 'branch.engagement'),
      seed: seedArb,
      targets: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
      back: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  goals: fc.array(fc.record({ seed: seedArb, endsJourney: fc.boolean() }), { maxLength: 2 }),
});

const pick = <T>(items: readonly T[], seed: number): T => items[seed % items.length];

function condition(seed: number): Condition {
  return pick<Condition>(
    [
      { field: 'tags.x', op: 'gte', value: seed % 5 },
      { field: 'event.x', op: 'eq', value: seed % 3 },
      { field: 'event.text', op: 'matches', value: 'yes' },
      { history: { event: 'Purchase', within: '30d' } },
      { or: [{ field: 'tags.n', op: 'gt', value: 1 }, { not: { field: 'tags.x', op: 'exists' } }] },
    ],
    seed,
  );
}

function middleNode(id: string, plan: MiddlePlan): JourneyNode {
  const { seed } = plan;
  const make = <T extends keyof NodeDataByType>(type: T, data: NodeDataByType[T]): JourneyNode =>
    ({ id, type, data, position: { x: 0, y: 0 } }) as JourneyNode;
  switch (plan.kind) {
    case 'send.push':
      return make('send.push', { title: `Push ${id}`, body: 'Hi {{tags.first_name|there}}' });
    case 'send.email':
      return make('send.email', { subject: `Email ${id}`, html: '<p>{{event.text}}</p>' });
    case 'send.whatsapp':
      return make('send.whatsapp', { mode: 'template', template: { name: 'promo', language: 'en' } });
    case 'whatsapp.replies':
      return make('send.whatsapp', {
        mode: 'template',
        template: { name: 'ask', language: 'en' },
        quickReplies: [
          { id: 'yes', text: 'Yes' },
          { id: 'no', text: 'No' },
        ],
        replyWindow: pick(['1h', '1d'], seed),
      });
    case 'send.sms':
      return make('send.sms', { text: 'Hello' });
    case 'send.webhook':
      return make('send.webhook', { url: 'https://example.com/hook', method: 'POST' });
    case 'update.tags':
      return make('update.tags', { operations: [{ op: 'set', tag: 'x', value: seed % 5 }, { op: 'increment', tag: 'n' }] });
    case 'wait.delay':
      return make(
        'wait.delay',
        pick<NodeDataByType['wait.delay']>(
          [
            { mode: 'duration', duration: '0s' },
            { mode: 'duration', duration: '1m' },
            { mode: 'duration', duration: '1h' },
            { mode: 'timeOfDay', time: '09:00' },
            { mode: 'date', fromEventAttribute: 'when' },
          ],
          seed,
        ),
      );
    case 'wait.event': {
      const branches = Array.from({ length: 1 + (seed % 2) }, (_, index) => ({
        id: `b${index}`,
        events: [{ event: pick(EVENTS, seed + index * 7), ...(seed % 3 === 0 ? { where: condition(seed + index) } : {}) }],
      }));
      return make('wait.event', { branches, timeout: pick(['1h', '1d'], seed) });
    }
    case 'branch.engagement':
      // The send node is chosen once the edges are known.
      return make('branch.engagement', { sendNodeId: '', metric: 'opened', window: pick(['30m', '4h'], seed) });
    case 'branch.condition':
      return make('branch.condition', { condition: condition(seed) });
    case 'branch.split':
      return make('branch.split', {
        variants: pick(
          [
            [50, 50],
            [30, 70],
            [20, 30, 50],
            [0, 100],
          ],
          seed,
        ).map((percent, index) => ({ id: `v${index}`, percent })),
      });
    case 'branch.reachability':
      return make('branch.reachability', { channel: pick(['push', 'email', 'whatsapp', 'sms'] as const, seed) });
  }
}

function buildJourney(plan: GraphPlan): JourneyGraph {
  const middle = plan.middle.map((item, index) => middleNode(`n${index}`, item));
  const entries = plan.entries.map((entry, index): JourneyNode => {
    const id = `e${index}`;
    const position = { x: 0, y: 0 };
    if (entry.kind === 'entry.event') {
      return { id, type: 'entry.event', position, data: { event: pick(EVENTS, entry.seed), ...(entry.seed % 3 === 0 ? { where: condition(entry.seed) } : {}) } };
    }
    if (entry.kind === 'entry.segment') return { id, type: 'entry.segment', position, data: { segment: condition(entry.seed) } };
    return { id, type: 'entry.api', position, data: {} };
  });
  const end: JourneyNode = { id: 'end', type: 'exit', position: { x: 0, y: 0 }, data: {} };
  const edges: JourneyEdge[] = [];
  const connect = (source: string, sourceHandle: string, target: string) =>
    edges.push({ id: `${source}:${sourceHandle}`, source, sourceHandle, target });

  entries.forEach((entry, index) => connect(entry.id, 'next', index === 0 ? 'n0' : `n${plan.entries[index].target % middle.length}`));
  middle.forEach((current, index) => {
    const forward = [...middle.slice(index + 1).map((item) => item.id), 'end'];
    outHandles(current).forEach((handle, handleIndex) => {
      const choice = plan.middle[index].targets[handleIndex % 4];
      // Loops only go back from nodes where time passes, as the validator requires.
      const back = handleIndex > 0 && plan.middle[index].back[handleIndex % 4] && isWaitingNode(current);
      const target = handleIndex === 0 ? forward[0] : back ? `n${choice % (index + 1)}` : pick(forward, choice);
      connect(current.id, handle, target);
    });
  });

  // Each engagement check looks at a send node on every path to it, else becomes a condition.
  const successors = new Map<string, string[]>();
  for (const edge of edges) successors.set(edge.source, [...(successors.get(edge.source) ?? []), edge.target]);
  const dominators = new Dominators(
    entries.map((entry) => entry.id),
    successors,
  );
  const nodes = middle.map((current, index): JourneyNode => {
    if (current.type !== 'branch.engagement') return current;
    const sends = middle.filter(
      (candidate) =>
        isSendNodeType(candidate.type) &&
        candidate.type !== 'send.webhook' &&
        METRICS[SEND_NODE_CHANNEL[candidate.type] as UserChannel].length > 0 &&
        dominators.strictlyDominates(candidate.id, current.id),
    );
    const seed = plan.middle[index].seed;
    if (sends.length === 0) {
      // A condition does not wait: its loops back go forward instead (fewer paths keep every dominance).
      const next = index + 1 < middle.length ? `n${index + 1}` : 'end';
      for (const edge of edges) {
        if (edge.source === current.id && edge.target !== 'end' && Number(edge.target.slice(1)) <= index) edge.target = next;
      }
      return { ...current, type: 'branch.condition', data: { condition: condition(seed) } };
    }
    const send = pick(sends, seed);
    const channel = SEND_NODE_CHANNEL[send.type as keyof typeof SEND_NODE_CHANNEL] as UserChannel;
    return { ...current, data: { ...current.data, sendNodeId: send.id, metric: pick(METRICS[channel], seed >> 3) } };
  });

  const goals = plan.goals.map(
    (goal, index): ConversionGoal => ({
      id: `g${index}`,
      event: pick(EVENTS, goal.seed),
      period: pick(['1h', '1d', '7d'], goal.seed >> 2),
      endsJourney: goal.endsJourney,
      ...(goal.seed % 4 === 0 ? { where: { field: 'event.x', op: 'gte', value: 1 } } : {}),
    }),
  );
  return { formatVersion: 1, nodes: [...entries, ...nodes, end], edges, settings: { goals, reentry: { mode: 'afterExit' }, throttling: [] } };
}

interface InputPlan {
  kind: 'enter' | 'event' | 'currentTimer' | 'staleTimer' | 'sendOutcome' | 'staleOutcome';
  advance: number;
  entry: number;
  event: number;
  x: number;
  text: string;
  message: { node: number; visit: number } | null;
  stale: { node: number; visit: number };
  tagX: number;
  reachable: boolean;
  /** Pick among the events the instance waits for (or the entry events), with a fitting message. */
  targeted: boolean;
  /** For outcomes: sent, or finally not sent. */
  sent: boolean;
}

const inputPlanArb: fc.Arbitrary<InputPlan> = fc.record({
  kind: fc.constantFrom(
    'enter' as const,
    'event' as const,
    'event' as const,
    'currentTimer' as const,
    'currentTimer' as const,
    'staleTimer' as const,
    'sendOutcome' as const,
    'sendOutcome' as const,
    'staleOutcome' as const,
  ),
  advance: fc.constantFrom(0, 1_000, 10 * 60_000, HOUR, 5 * HOUR, 2 * 24 * HOUR),
  entry: fc.nat(),
  event: fc.nat({ max: EVENTS.length }),
  x: fc.nat({ max: 3 }),
  text: fc.constantFrom('Yes', ' no ', 'promo', 'hello'),
  message: fc.option(fc.record({ node: fc.nat(), visit: fc.integer({ min: 1, max: 3 }) }), { nil: null }),
  stale: fc.record({ node: fc.nat(), visit: fc.integer({ min: 0, max: 3 }) }),
  tagX: fc.nat({ max: 5 }),
  reachable: fc.boolean(),
  targeted: fc.boolean(),
  sent: fc.boolean(),
});

function toInput(
  plan: InputPlan,
  journey: JourneyMachine,
  snapshot: PersistedJourneySnapshot | undefined,
  now: number,
): { input: JourneyInput; now: number } {
  const journeyGraph = journey.graph;
  const user = { id: 'user-7', tags: { x: plan.tagX }, reachable: { push: plan.reachable, email: !plan.reachable, whatsapp: plan.reachable } };
  const entries = journeyGraph.nodes.filter((candidate) => candidate.type.startsWith('entry.'));
  const sends = journeyGraph.nodes.filter((candidate) => isSendNodeType(candidate.type));
  const ids = journeyGraph.nodes.map((candidate) => candidate.id);
  const timer = snapshot?.context.timer ?? null;
  switch (plan.kind) {
    case 'enter': {
      const enterable = entries.filter((candidate) => candidate.type !== 'entry.event');
      const entry = plan.targeted && enterable.length > 0 ? pick(enterable, plan.entry) : pick(entries, plan.entry);
      return { input: { kind: 'enter', entryNodeId: entry.id, attributes: { x: plan.x }, user }, now };
    }
    case 'event': {
      const listened = snapshot === undefined ? journey.listens[START_STATE] : waitingFor(journey, snapshot).events;
      const name =
        plan.targeted && listened.length > 0 ? pick(listened, plan.event) : plan.event === EVENTS.length ? 'Unrelated' : EVENTS[plan.event];
      const sent = Object.entries(snapshot?.context.sends ?? {});
      const message =
        plan.message === null
          ? undefined
          : plan.targeted && sent.length > 0
            ? { nodeId: pick(sent, plan.message.node)[0], visit: pick(sent, plan.message.node)[1].visit }
            : sends.length > 0
              ? { nodeId: pick(sends, plan.message.node).id, visit: plan.message.visit }
              : undefined;
      const attributes = { x: plan.x, text: plan.text, when: '2025-01-08T09:00:00Z' };
      return { input: { kind: 'event', name, attributes, user, ...(message === undefined ? {} : { message }) }, now };
    }
    case 'currentTimer':
      if (timer !== null) return { input: { kind: 'timer', timerId: timer.id, user }, now: Math.max(now, timer.at) };
      return { input: { kind: 'timer', timerId: `${pick(ids, plan.stale.node)}:${plan.stale.visit}`, user }, now };
    case 'staleTimer':
      return { input: { kind: 'timer', timerId: `${pick(ids, plan.stale.node)}:${plan.stale.visit}`, user }, now };
    case 'sendOutcome':
    case 'staleOutcome': {
      const heldAt = heldSendOf(snapshot);
      const target =
        plan.kind === 'sendOutcome' && heldAt !== undefined
          ? heldAt
          : { nodeId: sends.length > 0 ? pick(sends, plan.stale.node).id : pick(ids, plan.stale.node), visit: plan.stale.visit };
      const outcome = plan.sent ? ('sent' as const) : ('not_sent' as const);
      return { input: { kind: 'sendOutcome', ...target, outcome, at: now, user, ...(plan.sent ? {} : { reason: 'Not sent: test' }) }, now };
    }
  }
}

/** The send node visit whose message the instance holds (it rests at that send node), if any. */
function heldSendOf(snapshot: PersistedJourneySnapshot | undefined): { nodeId: string; visit: number } | undefined {
  if (snapshot === undefined || snapshot.status !== 'active') return undefined;
  const send = snapshot.context.sends[snapshot.value];
  return send?.status === 'held' ? { nodeId: snapshot.value, visit: send.visit } : undefined;
}

describe('step on random valid journeys', () => {
  it('keeps its invariants for any inputs', () => {
    fc.assert(
      fc.property(graphPlanArb, fc.array(inputPlanArb, { minLength: 1, maxLength: 25 }), (graphPlan, inputPlans) => {
        const journeyGraph = buildJourney(graphPlan);
        const validation = validateJourney(journeyGraph);
        expect(validation.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
        expect(validation.valid).toBe(true);

        const journey = compileJourney(journeyGraph);
        const nodeById = new Map(journeyGraph.nodes.map((candidate) => [candidate.id, candidate]));
        const sendKeys = new Set<string>();
        let exits = 0;
        let snapshot: PersistedJourneySnapshot | undefined;
        let now = T0;

        for (const plan of inputPlans) {
          now += plan.advance;
          const built = toInput(plan, journey, snapshot, now);
          now = built.now;
          const before = snapshot;
          const timerBefore = before?.context.timer ?? null;
          const result = step(journey, before === undefined ? undefined : roundTrip(before), built.input, now);

          // Where the instance can be.
          const value = result.snapshot.value;
          expect(value === START_STATE || value === GOAL_REACHED_STATE || nodeById.has(value)).toBe(true);
          const held = heldSendOf(result.snapshot);
          if (result.snapshot.status === 'active' && value !== START_STATE) {
            if (held !== undefined) {
              // At a send node whose message is held: waiting for its outcome, no timer.
              expect(isSendNodeType(nodeById.get(value)!.type)).toBe(true);
              expect(result.snapshot.context.timer).toBeNull();
            } else {
              // Else at rest only where time passes, holding that node's timer.
              expect(isWaitingNode(nodeById.get(value)!)).toBe(true);
              expect(result.snapshot.context.timer?.nodeId).toBe(value);
            }
          }
          expect(roundTrip(result.snapshot)).toEqual(result.snapshot);

          // A done instance stays done and silent; a stale timer changes nothing.
          if (before?.status === 'done') {
            expect(result).toMatchObject({ done: true, changed: false, effects: [] });
          }
          if (built.input.kind === 'timer' && built.input.timerId !== timerBefore?.id) {
            expect(result).toMatchObject({ changed: false, effects: [] });
          }
          if (before === undefined && !result.entered) expect(result).toMatchObject({ changed: false, effects: [] });
          if (result.entered) expect(before).toBeUndefined();

          // No message of a later step is asked for before the outcome of an earlier held send: a
          // step asks for one send at most, and only when the instance held none before it.
          const asked = result.effects.filter((effect) => effect.kind === 'send');
          expect(asked.length).toBeLessThanOrEqual(1);
          const heldBefore = heldSendOf(before);
          if (heldBefore !== undefined && asked.length > 0) {
            expect(built.input).toMatchObject({ kind: 'sendOutcome', ...heldBefore });
          }
          if (asked.length > 0 && !result.done) expect(held).toMatchObject({ nodeId: asked[0].nodeId, visit: asked[0].visit });
          // A held send is cancelled exactly when the instance leaves it without its outcome.
          const cancelled = result.effects.filter((effect) => effect.kind === 'cancelSend');
          if (cancelled.length > 0) {
            expect(cancelled).toEqual([{ kind: 'cancelSend', ...heldBefore!, idempotencyKey: `${heldBefore!.nodeId}:${heldBefore!.visit}` }]);
            expect(result.done).toBe(true);
          }
          // Stale outcomes change nothing.
          if (built.input.kind === 'sendOutcome' && (heldBefore === undefined || built.input.nodeId !== heldBefore.nodeId || built.input.visit !== heldBefore.visit)) {
            expect(result).toMatchObject({ changed: false, effects: [] });
          }

          // At most one send per node visit, keyed by node and visit.
          for (const effect of result.effects) {
            if (effect.kind === 'send') {
              expect(effect.idempotencyKey).toBe(`${effect.nodeId}:${effect.visit}`);
              expect(sendKeys.has(effect.idempotencyKey)).toBe(false);
              sendKeys.add(effect.idempotencyKey);
            }
          }
          // Timers: the last schedule is the one the instance holds; only the held timer is cancelled.
          const schedules = result.effects.filter((effect): effect is Extract<Effect, { kind: 'schedule' }> => effect.kind === 'schedule');
          if (schedules.length > 0) {
            const last = schedules[schedules.length - 1];
            expect(result.snapshot.context.timer).toEqual({ id: last.timerId, nodeId: last.nodeId, at: last.at });
            expect(last.at).toBeGreaterThanOrEqual(now);
          }
          const cancels = result.effects.filter((effect) => effect.kind === 'cancelTimer');
          expect(cancels.length).toBeLessThanOrEqual(1);
          if (cancels.length === 1) expect(cancels[0]).toEqual({ kind: 'cancelTimer', timerId: timerBefore?.id });
          // An exit effect exactly when the instance ends.
          const exitCount = result.effects.filter((effect) => effect.kind === 'exit').length;
          expect(exitCount).toBe(result.changed && result.done ? 1 : 0);
          exits += exitCount;

          if (result.changed) snapshot = result.snapshot;
        }
        expect(exits).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});
