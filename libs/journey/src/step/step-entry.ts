import { type JourneyGraph } from '../format/journey-graph';
import { type Channel } from '../format/node-types';
import { type JourneyInput } from './journey-event';
import { type StepResult } from './step';

/**
 * One line of an instance's step log: what happened to the user at a node, and when (`at`, epoch
 * ms). Compact plain JSON, appended to the instance as the engine steps, so a user's story can say
 * which way a condition went, how long a wait lasted, which sends were held and why a journey ended.
 */
export type StepEntry =
  /** The user entered the journey at this entry node (`event`: the event that entered them). */
  | { kind: 'entered'; node: string; at: number; event?: string }
  /** An event moved the instance on. */
  | { kind: 'event'; name: string; at: number }
  /** The user reached a node from `from` through its out-handle `via` (`yes`, `no`, `timeout`, `reply:…`; omitted for `next`). */
  | { kind: 'reached'; node: string; from: string; via?: string; at: number }
  /** The user waits at the node until `until` (a delay, a reply or engagement window). */
  | { kind: 'waiting'; node: string; until: number; at: number }
  /** The node asked for a message; `heldUntil` when silent hours hold it until then. */
  | { kind: 'send-asked'; node: string; channel: Channel; visit: number; heldUntil?: number; at: number }
  /** What became of that message: it went out, or was finally not sent (with the reason). */
  | { kind: 'send-outcome'; node: string; visit: number; outcome: 'sent' | 'not_sent'; reason?: string; at: number }
  /** A held send no longer wanted: the journey ended before it went out. */
  | { kind: 'send-cancelled'; node: string; visit: number; at: number }
  /** Tags an `update.tags` node wrote. */
  | { kind: 'tags-updated'; node: string; tags: string[]; at: number }
  /** A tag write an `update.tags` node asked for was refused (e.g. a value of the wrong type); the rest went on. */
  | { kind: 'tag-refused'; node: string; tag: string; reason: string; at: number }
  /** A conversion goal was reached. */
  | { kind: 'goal'; goal: string; at: number }
  /** The instance ended: at an exit node, or by a goal that ends the journey. */
  | { kind: 'exited'; reason: 'completed' | 'goal'; node?: string; at: number }
  /** The journey was archived while the user was in it. */
  | { kind: 'stopped'; at: number };

export type StepEntryKind = StepEntry['kind'];

/** How many entries an instance keeps; older ones are dropped (and counted). */
export const STEP_LOG_LIMIT = 200;

/**
 * The step log entries of one step, from its result: which nodes were reached and through which
 * out-handle, waits, sends asked for (held until `heldUntil(channel)` when that is later than now),
 * tag writes, goals and the exit. `from` is the node the instance was at before the step
 * (undefined when the step entered it). Pure.
 */
export function stepEntries(
  graph: JourneyGraph,
  from: string | undefined,
  result: StepResult,
  input: JourneyInput,
  now: number,
  heldUntil: (channel: Channel) => number,
): StepEntry[] {
  if (!result.changed) return [];
  const entries: StepEntry[] = [];
  if (input.kind === 'sendOutcome') {
    entries.push({
      kind: 'send-outcome',
      node: input.nodeId,
      visit: input.visit,
      outcome: input.outcome,
      ...(input.reason === undefined ? {} : { reason: input.reason }),
      at: input.at,
    });
  } else if (input.kind === 'event' && !result.entered) {
    entries.push({ kind: 'event', name: input.name, at: now });
  }
  let previous = from;
  for (const effect of result.effects) {
    switch (effect.kind) {
      case 'visit':
        if (previous === undefined) {
          entries.push({ kind: 'entered', node: effect.nodeId, at: now, ...(input.kind === 'event' ? { event: input.name } : {}) });
        } else {
          const via = handleBetween(graph, previous, effect.nodeId);
          entries.push({ kind: 'reached', node: effect.nodeId, from: previous, ...(via === undefined || via === 'next' ? {} : { via }), at: now });
        }
        previous = effect.nodeId;
        break;
      case 'schedule':
        entries.push({ kind: 'waiting', node: effect.nodeId, until: effect.at, at: now });
        break;
      case 'send': {
        const until = heldUntil(effect.channel);
        entries.push({ kind: 'send-asked', node: effect.nodeId, channel: effect.channel, visit: effect.visit, ...(until > now ? { heldUntil: until } : {}), at: now });
        break;
      }
      case 'cancelSend':
        entries.push({ kind: 'send-cancelled', node: effect.nodeId, visit: effect.visit, at: now });
        break;
      case 'updateTags':
        entries.push({ kind: 'tags-updated', node: effect.nodeId, tags: effect.operations.map((operation) => operation.tag), at: now });
        break;
      case 'conversion':
        entries.push({ kind: 'goal', goal: effect.goalId, at: now });
        break;
      case 'exit':
        entries.push({ kind: 'exited', reason: effect.reason, ...(effect.nodeId === undefined ? {} : { node: effect.nodeId }), at: now });
        break;
      case 'cancelTimer':
        break;
    }
  }
  return entries;
}

/** Appends entries to a log kept to its last `limit` entries; returns the log and how many more were dropped. */
export function appendStepEntries(log: readonly StepEntry[], added: readonly StepEntry[], limit = STEP_LOG_LIMIT): { log: StepEntry[]; dropped: number } {
  const all = [...log, ...added];
  const dropped = Math.max(0, all.length - limit);
  return { log: all.slice(dropped), dropped };
}

const handlesByGraph = new WeakMap<JourneyGraph, Map<string, string>>();

/** The out-handle of the edge from `source` to `target` (the first one, when several lead there). */
function handleBetween(graph: JourneyGraph, source: string, target: string): string | undefined {
  let handles = handlesByGraph.get(graph);
  if (!handles) {
    handles = new Map();
    for (const edge of graph.edges) {
      const key = `${edge.source}\u0000${edge.target}`;
      if (!handles.has(key)) handles.set(key, edge.sourceHandle);
    }
    handlesByGraph.set(graph, handles);
  }
  return handles.get(`${source}\u0000${target}`);
}
