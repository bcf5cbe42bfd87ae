import { parseDuration } from '../duration/duration';
import { type JourneyGraph, type JourneyNode } from '../format/journey-graph';
import { type Channel, SEND_NODE_CHANNEL, isEntryNodeType, isSendNodeType } from '../format/node-types';
import { outHandles } from '../format/out-handles';
import { describeNode } from './describe-node';
import { isReservedEventName } from './machine-event';
import { GOAL_REACHED_STATE, START_STATE } from './pseudo-states';
import { findTransientCycle } from './transient-cycle';

const RESERVED_STATE_KEYS = new Set([START_STATE, GOAL_REACHED_STATE, '__proto__']);
// XState reads `.` as a path separator and `#` as an id reference in targets and state values.
const FORBIDDEN_ID_CHARACTERS = /[.#\\]/;

/** A graph checked for what the compiler relies on, with lookups by node and handle. */
export interface JourneyGraphIndex {
  graph: JourneyGraph;
  nodes: ReadonlyMap<string, JourneyNode>;
  /** The node an out-handle leads to. */
  target(node: JourneyNode, handle: string): string;
  /** Send nodes an engagement branch looks at, with their channel: their engagement is recorded. */
  trackedSends: ReadonlyMap<string, Channel>;
}

/**
 * Index a graph, throwing an Error that names the node for anything the compiler cannot build:
 * the validator rejects all of these before publishing, so they only surface for unvalidated graphs.
 */
export function indexJourneyGraph(graph: JourneyGraph): JourneyGraphIndex {
  const nodes = new Map<string, JourneyNode>();
  for (const node of graph.nodes) {
    if (nodes.has(node.id)) throw new Error(`Two nodes have the id "${node.id}"; every node needs its own id.`);
    if (RESERVED_STATE_KEYS.has(node.id) || FORBIDDEN_ID_CHARACTERS.test(node.id) || node.id === '') {
      throw new Error(
        `The id of ${describeNode(node)} cannot be used: ids must not be empty, "${START_STATE}" or "${GOAL_REACHED_STATE}", nor contain ".", "#" or "\\".`,
      );
    }
    nodes.set(node.id, node);
  }

  const targets = new Map<string, string>();
  const handleKey = (nodeId: string, handle: string) => JSON.stringify([nodeId, handle]);
  for (const edge of graph.edges) {
    const source = nodes.get(edge.source);
    if (source === undefined) throw new Error(`A connection starts at a node that does not exist ("${edge.source}").`);
    if (!nodes.has(edge.target)) {
      throw new Error(`A connection from ${describeNode(source)} leads to a node that does not exist ("${edge.target}").`);
    }
    if (!outHandles(source).includes(edge.sourceHandle)) {
      throw new Error(`${capitalize(describeNode(source))} has no "${edge.sourceHandle}" exit, yet a connection starts there.`);
    }
    const key = handleKey(source.id, edge.sourceHandle);
    if (targets.has(key)) {
      throw new Error(`${capitalize(describeNode(source))} has two connections from its "${edge.sourceHandle}" exit; keep one.`);
    }
    targets.set(key, edge.target);
  }
  for (const node of nodes.values()) {
    for (const handle of outHandles(node)) {
      if (!targets.has(handleKey(node.id, handle))) {
        throw new Error(`${capitalize(describeNode(node))} has nothing connected to its "${handle}" exit.`);
      }
    }
    checkNodeData(node, nodes);
  }
  if (![...nodes.values()].some((node) => isEntryNodeType(node.type))) {
    throw new Error('The journey has no entry node, so no one can ever enter it.');
  }
  for (const goal of graph.settings.goals) {
    checkEventName(goal.event, `The goal "${goal.name ?? goal.id}"`);
    checkDuration(goal.period, `The conversion period of the goal "${goal.name ?? goal.id}"`);
  }

  const target = (node: JourneyNode, handle: string): string => {
    const found = targets.get(handleKey(node.id, handle));
    if (found === undefined) throw new Error(`${capitalize(describeNode(node))} has nothing connected to its "${handle}" exit.`);
    return found;
  };
  const cycle = findTransientCycle(graph.nodes, (node) => outHandles(node).map((handle) => target(node, handle)));
  if (cycle !== undefined) {
    const names = cycle.map((id) => `"${nodes.get(id)?.label ?? id}"`).join(' -> ');
    throw new Error(`The journey loops (${names}) without waiting anywhere; add a Wait node to the loop.`);
  }

  const trackedSends = new Map<string, Channel>();
  for (const node of nodes.values()) {
    if (node.type !== 'branch.engagement') continue;
    const send = nodes.get(node.data.sendNodeId);
    if (send !== undefined && isSendNodeType(send.type)) trackedSends.set(send.id, SEND_NODE_CHANNEL[send.type]);
  }
  return { graph, nodes, target, trackedSends };
}

function checkNodeData(node: JourneyNode, nodes: ReadonlyMap<string, JourneyNode>): void {
  const name = capitalize(describeNode(node));
  switch (node.type) {
    case 'entry.event':
      checkEventName(node.data.event, name);
      return;
    case 'wait.event':
      checkDuration(node.data.timeout, `The timeout of ${describeNode(node)}`);
      for (const branch of node.data.branches) {
        for (const match of branch.events) checkEventName(match.event, name);
      }
      return;
    case 'send.whatsapp':
      if ((node.data.quickReplies?.length ?? 0) > 0) {
        checkDuration(node.data.replyWindow ?? '', `The reply window of ${describeNode(node)}`);
      }
      return;
    case 'branch.engagement': {
      checkDuration(node.data.window, `The window of ${describeNode(node)}`);
      const send = nodes.get(node.data.sendNodeId);
      if (send === undefined || !isSendNodeType(send.type)) {
        throw new Error(`${name} looks at "${node.data.sendNodeId}", which is not a send node of this journey.`);
      }
      return;
    }
    case 'branch.split':
      if (node.data.variants.length === 0) throw new Error(`${name} has no variants, so no user could pass it.`);
      return;
    default:
      return;
  }
}

function checkEventName(name: string, owner: string): void {
  if (typeof name !== 'string' || name === '' || isReservedEventName(name)) {
    throw new Error(`${owner} uses the event name "${String(name)}", which is empty or reserved (journey.enter, journey.timer, journey.sendOutcome, xstate.* and names containing "*" are reserved).`);
  }
}

function checkDuration(text: string, what: string): void {
  if (parseDuration(text) === undefined) throw new Error(`${what} ("${text}") is not a duration such as 30m, 4h or 2d.`);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
