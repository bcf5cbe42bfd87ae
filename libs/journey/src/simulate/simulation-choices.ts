import { type JourneyMachine } from '../compile/compile-journey';
import { ENGAGEMENT_EVENTS_BY_CHANNEL } from '../compile/engagement';
import { type JourneyNode } from '../format/journey-graph';
import { SEND_NODE_CHANNEL, isSendNodeType } from '../format/node-types';
import { waitingFor } from '../step/waiting-for';
import { sampleAttributes } from './sample-event';
import { describeInstant, nodeName, type Simulation, type SimulationChoice } from './simulation';

const ENGAGEMENT_EVENT_NAMES = new Set(Object.values(ENGAGEMENT_EVENTS_BY_CHANNEL).flat());

const ENGAGEMENT_VERBS: Record<string, string> = {
  PW_PushOpened: 'Opens',
  PW_EmailOpened: 'Opens',
  PW_EmailClicked: 'Clicks a link in',
  PW_WhatsAppDelivered: 'Receives',
  PW_WhatsAppRead: 'Reads',
};

/**
 * Everything that can happen next to the simulated user: each event the journey reacts to where
 * the user is (engagement with each message already sent, replies, goal events, the events of a
 * wait), letting time pass to the timer the user waits for, or to the end of silent hours holding
 * a message. Before entry, the ways in. Empty once the user left.
 */
export function simulationChoices(journey: JourneyMachine, simulation: Simulation): SimulationChoice[] {
  if (simulation.status === 'done') return [];
  if (simulation.snapshot === undefined) return entryChoices(journey);
  const choices: SimulationChoice[] = [];
  const here = nodeById(journey, simulation.snapshot.value);
  const { events } = waitingFor(journey, simulation.snapshot);
  for (const name of events) choices.push(...eventChoices(journey, simulation, here, name));
  if (simulation.held !== undefined) {
    choices.push({ kind: 'release', label: `Wait until silent hours end (${describeInstant(simulation.held.until, simulation.displayTimeZone)})`, at: simulation.held.until });
  } else if (simulation.timer !== undefined) {
    choices.push({ kind: 'timer', label: timerLabel(here, describeInstant(simulation.timer.at, simulation.displayTimeZone)), timerId: simulation.timer.timerId, at: simulation.timer.at });
  }
  return choices;
}

function entryChoices(journey: JourneyMachine): SimulationChoice[] {
  return journey.graph.nodes.flatMap((node): SimulationChoice[] => {
    if (node.type === 'entry.event') {
      if (node.data.event === '') return [];
      return [{ kind: 'event', label: `Performs ${node.data.event}`, name: node.data.event, attributes: sampleAttributes(node.data.where) }];
    }
    if (node.type === 'entry.segment') return [{ kind: 'enter', label: 'Enters with the segment', entryNodeId: node.id, attributes: {} }];
    if (node.type === 'entry.api') return [{ kind: 'enter', label: 'Enters through the API', entryNodeId: node.id, attributes: {} }];
    return [];
  });
}

function eventChoices(journey: JourneyMachine, simulation: Simulation, here: JourneyNode | undefined, name: string): SimulationChoice[] {
  const choices: SimulationChoice[] = [];
  // Engagement with each message sent so far on a channel this event belongs to.
  const sends = simulation.snapshot?.context.sends ?? {};
  for (const [nodeId, record] of Object.entries(sends)) {
    const node = nodeById(journey, nodeId);
    if (node === undefined || !isSendNodeType(node.type) || (record.status !== undefined && record.status !== 'sent')) continue;
    if (!ENGAGEMENT_EVENTS_BY_CHANNEL[SEND_NODE_CHANNEL[node.type]].includes(name)) continue;
    const message = { nodeId, visit: record.visit };
    if (name === 'PW_WhatsAppReceived') {
      const replies = node.type === 'send.whatsapp' && here?.id === nodeId ? (node.data.quickReplies ?? []) : [];
      for (const reply of replies) choices.push({ kind: 'event', label: `Replies “${reply.text}”`, name, attributes: { text: reply.text }, message });
      choices.push({ kind: 'event', label: `Replies something else to ${nodeName(node, nodeId)}`, name, attributes: { text: 'Something else' }, message });
    } else {
      choices.push({ kind: 'event', label: `${ENGAGEMENT_VERBS[name] ?? `Performs ${name} on`} ${nodeName(node, nodeId)}`, name, attributes: {}, message });
    }
  }
  if (choices.length > 0) return choices;
  // A wait for events: one choice per branch event, with attributes that pass its filter.
  if (here?.type === 'wait.event') {
    for (const branch of here.data.branches) {
      for (const match of branch.events.filter((candidate) => candidate.event === name)) {
        const label = branch.label !== undefined && branch.label !== '' ? ` (${branch.label})` : '';
        choices.push({ kind: 'event', label: `Performs ${name}${label}`, name, attributes: sampleAttributes(match.where) });
      }
    }
    if (choices.length > 0) return choices;
  }
  const goal = journey.graph.settings.goals.find((candidate) => candidate.event === name);
  // Engagement with a message not sent (yet) cannot happen.
  if (goal === undefined && ENGAGEMENT_EVENT_NAMES.has(name)) return [];
  return [{ kind: 'event', label: goal === undefined ? `Performs ${name}` : `Performs ${name} (goal)`, name, attributes: goal === undefined ? {} : sampleAttributes(goal.where) }];
}

function timerLabel(here: JourneyNode | undefined, when: string): string {
  switch (here?.type) {
    case 'branch.engagement':
      return `Does nothing until ${when}`;
    case 'send.whatsapp':
      return `Does not reply until ${when}`;
    case 'wait.event':
      return `Does none of these until ${when}`;
    default:
      return `Let time pass to ${when}`;
  }
}

function nodeById(journey: JourneyMachine, nodeId: string): JourneyNode | undefined {
  return journey.graph.nodes.find((node) => node.id === nodeId);
}
