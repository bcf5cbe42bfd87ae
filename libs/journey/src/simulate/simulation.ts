import { DateTime } from 'luxon';
import { type UserFacts } from '../condition/condition';
import { compileJourney, type JourneyMachine } from '../compile/compile-journey';
import { ENDED_WHILE_HELD } from '../compile/send-outcome';
import { type JourneyGraph, type JourneyNode } from '../format/journey-graph';
import { type Channel, USER_CHANNELS, type UserChannel } from '../format/node-types';
import { type Effect } from '../step/effect';
import { type JourneyInput } from '../step/journey-event';
import { type PersistedJourneySnapshot, step } from '../step/step';
import { pickTimeZone } from '../time/local-time';
import { nextAllowedSendTime } from '../time/silent-hours';
import { renderSimulatedMessage, type SimulatedMessage } from './render-simulated-message';

/**
 * A journey run for one imagined user in virtual time, built on the same pure stepper the engine
 * runs: what the canvas shows before launch is what the engine would do. Nothing is stored or
 * sent; the clock only moves when the person simulating chooses to let time pass.
 */
export interface Simulation {
  /** Virtual now (epoch ms). */
  now: number;
  /** The user as the journey sees them now (its own tag updates applied). */
  user: UserFacts;
  snapshot?: PersistedJourneySnapshot;
  /** The timer the user waits for, if any. */
  timer?: { timerId: string; nodeId: string; at: number };
  /** A message held by silent hours: the user stays at its step until it goes out. */
  held?: HeldMessage;
  status: 'not_entered' | 'active' | 'done';
  /** Node ids in the order the user reached them (a node reached twice appears twice). */
  path: string[];
  /** What happened, oldest first. */
  log: SimulationLogEntry[];
  /** The zone times are spelled in. */
  displayTimeZone: string;
}

export interface HeldMessage {
  nodeId: string;
  visit: number;
  channel: Channel;
  /** When silent hours end and the message goes out. */
  until: number;
  reason: string;
}

export type SimulationLogEntry =
  | { kind: 'event'; at: number; name: string; attributes: Record<string, unknown>; text: string }
  | { kind: 'waited'; at: number; text: string }
  | { kind: 'visited'; at: number; nodeId: string; text: string }
  | { kind: 'sent'; at: number; nodeId: string; message: SimulatedMessage; text: string }
  | { kind: 'held'; at: number; nodeId: string; until: number; text: string }
  | { kind: 'not_sent'; at: number; nodeId: string; reason: string; text: string }
  | { kind: 'tags'; at: number; nodeId: string; tags: Record<string, unknown>; text: string }
  | { kind: 'conversion'; at: number; goalId: string; text: string }
  | { kind: 'exited'; at: number; nodeId?: string; reason: 'completed' | 'goal'; text: string };

/** What the person simulating can make happen next; see `simulationChoices`. */
export type SimulationChoice =
  | { kind: 'event'; label: string; name: string; attributes: Record<string, unknown>; message?: { nodeId: string; visit: number } }
  | { kind: 'enter'; label: string; entryNodeId: string; attributes: Record<string, unknown> }
  | { kind: 'timer'; label: string; timerId: string; at: number }
  | { kind: 'release'; label: string; at: number };

export interface SimulationSetup {
  graph: JourneyGraph;
  user: UserFacts;
  /** Virtual start time (epoch ms). */
  startAt: number;
  /** The zone the log and the choices spell times in (UTC when missing or invalid). */
  displayTimeZone?: string;
}

/** A simulation before the user entered. */
export function startSimulation(setup: SimulationSetup): Simulation {
  return { now: setup.startAt, user: setup.user, status: 'not_entered', path: [], log: [], displayTimeZone: pickTimeZone(setup.displayTimeZone) };
}

/** Compile once per graph and pass the result to `simulate`; `compileJourney` throws on an invalid graph. */
export function compileForSimulation(graph: JourneyGraph): JourneyMachine {
  return compileJourney(graph, { id: 'simulation' });
}

/**
 * The simulation after `choice`: time moves to the choice's moment, the input is stepped, and the
 * effects play out as the engine would perform them — messages go out at once unless silent hours
 * hold them or the user cannot be reached on the channel, in which case they are not sent with the
 * reason the engine would give. Pure: the same simulation and choice give the same result.
 */
export function simulate(journey: JourneyMachine, simulation: Simulation, choice: SimulationChoice): Simulation {
  if (simulation.status === 'done') return simulation;
  const at = Math.max(simulation.now, 'at' in choice ? choice.at : simulation.now);
  let next: Simulation = { ...simulation, now: at, log: [...simulation.log], path: [...simulation.path] };
  if (at > simulation.now) next.log.push({ kind: 'waited', at, text: `Time passes to ${describeInstant(at, simulation.displayTimeZone)}` });
  switch (choice.kind) {
    case 'event':
      next.log.push({ kind: 'event', at, name: choice.name, attributes: choice.attributes, text: choice.label });
      return feed(journey, next, {
        kind: 'event',
        name: choice.name,
        attributes: choice.attributes,
        user: next.user,
        ...(choice.message === undefined ? {} : { message: choice.message }),
      });
    case 'enter':
      next.log.push({ kind: 'event', at, name: 'enter', attributes: choice.attributes, text: choice.label });
      return feed(journey, next, { kind: 'enter', entryNodeId: choice.entryNodeId, attributes: choice.attributes, user: next.user });
    case 'timer':
      next = { ...next, timer: undefined };
      return feed(journey, next, { kind: 'timer', timerId: choice.timerId, user: next.user });
    case 'release': {
      const held = next.held;
      if (held === undefined) return next;
      next = { ...next, held: undefined };
      return deliver(journey, next, held.nodeId, held.visit, held.channel);
    }
  }
}

function feed(journey: JourneyMachine, simulation: Simulation, input: JourneyInput): Simulation {
  const result = step(journey, simulation.snapshot, input, simulation.now);
  if (!result.changed) {
    const last = simulation.log.at(-1);
    if (last?.kind === 'event') simulation.log.push({ kind: 'waited', at: simulation.now, text: 'Nothing happens: the journey does not react to this now' });
    return simulation;
  }
  let next: Simulation = {
    ...simulation,
    snapshot: result.snapshot,
    user: result.snapshot.context.user,
    status: result.done ? 'done' : 'active',
  };
  for (const effect of result.effects) next = perform(journey, next, effect);
  return next;
}

function perform(journey: JourneyMachine, simulation: Simulation, effect: Effect): Simulation {
  const at = simulation.now;
  const node = (nodeId: string | undefined): JourneyNode | undefined => journey.graph.nodes.find((candidate) => candidate.id === nodeId);
  switch (effect.kind) {
    case 'visit':
      simulation.path.push(effect.nodeId);
      simulation.log.push({ kind: 'visited', at, nodeId: effect.nodeId, text: `Reaches ${nodeName(node(effect.nodeId), effect.nodeId)}` });
      return simulation;
    case 'schedule':
      return { ...simulation, timer: { timerId: effect.timerId, nodeId: effect.nodeId, at: effect.at } };
    case 'cancelTimer':
      return simulation.timer?.timerId === effect.timerId ? { ...simulation, timer: undefined } : simulation;
    case 'send':
      return send(journey, simulation, effect);
    case 'cancelSend':
      if (simulation.held?.nodeId !== effect.nodeId) return simulation;
      simulation.log.push({ kind: 'not_sent', at, nodeId: effect.nodeId, reason: ENDED_WHILE_HELD, text: `Not sent: ${ENDED_WHILE_HELD}` });
      return { ...simulation, held: undefined };
    case 'updateTags': {
      const tags = simulation.snapshot?.context.user.tags ?? simulation.user.tags;
      simulation.log.push({ kind: 'tags', at, nodeId: effect.nodeId, tags, text: `Tags are now ${JSON.stringify(tags)}` });
      return simulation;
    }
    case 'conversion':
      simulation.log.push({ kind: 'conversion', at, goalId: effect.goalId, text: `Converts (goal ${effect.goalId})` });
      return simulation;
    case 'exit':
      simulation.log.push({
        kind: 'exited',
        at,
        reason: effect.reason,
        ...(effect.nodeId === undefined ? {} : { nodeId: effect.nodeId }),
        text: effect.reason === 'goal' ? 'Leaves the journey: a goal was reached' : 'Leaves the journey',
      });
      return { ...simulation, timer: undefined, status: 'done' };
  }
}

function send(journey: JourneyMachine, simulation: Simulation, effect: Extract<Effect, { kind: 'send' }>): Simulation {
  const { now, user } = simulation;
  const unreachable = unreachableReason(user, effect.channel);
  if (unreachable !== undefined) {
    simulation.log.push({ kind: 'not_sent', at: now, nodeId: effect.nodeId, reason: unreachable, text: `Not sent: ${unreachable}` });
    return feed(journey, simulation, { kind: 'sendOutcome', nodeId: effect.nodeId, visit: effect.visit, outcome: 'not_sent', at: now, reason: unreachable, user });
  }
  const until = isUserChannel(effect.channel)
    ? nextAllowedSendTime(now, journey.graph.settings.silentHours, effect.channel, user.timeZone)
    : now;
  if (until > now) {
    const reason = `Held by silent hours until ${describeInstant(until, simulation.displayTimeZone)}`;
    simulation.log.push({ kind: 'held', at: now, nodeId: effect.nodeId, until, text: reason });
    return { ...simulation, held: { nodeId: effect.nodeId, visit: effect.visit, channel: effect.channel, until, reason } };
  }
  return deliver(journey, simulation, effect.nodeId, effect.visit, effect.channel, effect);
}

function deliver(
  journey: JourneyMachine,
  simulation: Simulation,
  nodeId: string,
  visit: number,
  channel: Channel,
  effect?: Extract<Effect, { kind: 'send' }>,
): Simulation {
  const node = journey.graph.nodes.find((candidate) => candidate.id === nodeId);
  const content = effect?.content ?? node?.data ?? {};
  const eventAttributes = effect?.eventAttributes ?? simulation.snapshot?.context.eventAttributes ?? {};
  const message = renderSimulatedMessage(channel, content, { tags: simulation.user.tags, event: eventAttributes, user: simulation.user });
  simulation.log.push({ kind: 'sent', at: simulation.now, nodeId, message, text: `Sends ${message.summary}` });
  return feed(journey, simulation, { kind: 'sendOutcome', nodeId, visit, outcome: 'sent', at: simulation.now, user: simulation.user });
}

/** Why the engine would not send on `channel` to this user, as it would say it; undefined when it would. */
function unreachableReason(user: UserFacts, channel: Channel): string | undefined {
  if (!isUserChannel(channel)) return undefined;
  if (user.reachable?.[channel] === false) return `The user cannot be reached by ${CHANNEL_NAMES[channel]} (${ADDRESS_NAMES[channel]}, or opted out)`;
  return undefined;
}

const CHANNEL_NAMES: Record<UserChannel, string> = { push: 'push', email: 'email', whatsapp: 'WhatsApp', sms: 'SMS' };
const ADDRESS_NAMES: Record<UserChannel, string> = { push: 'no push token', email: 'no email address', whatsapp: 'no WhatsApp number', sms: 'no phone number' };

function isUserChannel(channel: Channel): channel is UserChannel {
  return (USER_CHANNELS as readonly string[]).includes(channel);
}

/** A node as people call it: its label, else its type's words. */
export function nodeName(node: Pick<JourneyNode, 'type' | 'label'> | undefined, fallback: string): string {
  if (node === undefined) return fallback;
  if (typeof node.label === 'string' && node.label.trim() !== '') return `"${node.label.trim()}"`;
  return NODE_TYPE_NAMES[node.type] ?? node.type;
}

const NODE_TYPE_NAMES: Record<string, string> = {
  'entry.event': 'the entry',
  'entry.segment': 'the segment entry',
  'entry.api': 'the API entry',
  'send.push': 'the push step',
  'send.email': 'the email step',
  'send.whatsapp': 'the WhatsApp step',
  'send.sms': 'the SMS step',
  'send.webhook': 'the webhook step',
  'update.tags': 'the tag update',
  'wait.delay': 'the wait',
  'wait.event': 'the wait for an event',
  'branch.engagement': 'the engagement check',
  'branch.condition': 'the condition',
  'branch.split': 'the split',
  'branch.reachability': 'the reachability check',
  exit: 'the exit',
};

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Mon 6 Jan, 21:00 UTC" or "Tue 7 Jan, 08:00 Europe/Berlin": virtual times as the log shows them,
 * spelled out by hand so they read the same on every machine and ICU version.
 */
export function describeInstant(at: number, timeZone = 'UTC'): string {
  const zone = pickTimeZone(timeZone);
  const local = DateTime.fromMillis(at, { zone });
  const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  return `${WEEKDAYS[local.weekday - 1]} ${local.day} ${MONTHS[local.month - 1]}, ${time} ${zone}`;
}
