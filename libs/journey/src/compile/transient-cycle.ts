import { type JourneyNode } from '../format/journey-graph';
import { isWaitingNode } from '../format/out-handles';

/**
 * A loop made only of nodes the user passes straight through (no wait, no waiting branch), as the
 * node ids along it, or undefined. Such a loop would run forever within one step.
 */
export function findTransientCycle(
  nodes: readonly JourneyNode[],
  successors: (node: JourneyNode) => readonly string[],
): string[] | undefined {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const transient = (id: string): JourneyNode | undefined => {
    const node = byId.get(id);
    return node !== undefined && !isWaitingNode(node) ? node : undefined;
  };
  // 1: on the current path, 2: fully explored.
  const state = new Map<string, 1 | 2>();
  const path: string[] = [];

  const visit = (node: JourneyNode): string[] | undefined => {
    state.set(node.id, 1);
    path.push(node.id);
    for (const nextId of successors(node)) {
      const next = transient(nextId);
      if (next === undefined) continue;
      const seen = state.get(next.id);
      if (seen === 1) return [...path.slice(path.indexOf(next.id)), next.id];
      if (seen === undefined) {
        const cycle = visit(next);
        if (cycle !== undefined) return cycle;
      }
    }
    path.pop();
    state.set(node.id, 2);
    return undefined;
  };

  for (const node of nodes) {
    if (state.has(node.id) || transient(node.id) === undefined) continue;
    const cycle = visit(node);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}
