import { type Condition, type HistoryCondition } from './condition';
import { classifyCondition } from './condition-kind';
import { graphConditions } from './graph-conditions';
import { historyKey } from './history-key';
import { type JourneyGraph } from '../format/journey-graph';

const MAX_DEPTH = 64;

/**
 * Every distinct history query of a journey (node conditions, wait-for-event branches, entry
 * filters, segments, goals), so the engine can count those events before stepping. Queries are
 * distinct by `historyKey`, in the order they first appear. History conditions inside a saved
 * segment referenced by `{ segment }` are not included: the engine evaluates segments in SQL.
 */
export function collectHistoryQueries(graph: JourneyGraph): HistoryCondition['history'][] {
  const found = new Map<string, HistoryCondition['history']>();
  const visit = (condition: Condition | undefined, depth = 0): void => {
    if (condition === undefined || depth > MAX_DEPTH) return;
    const classified = classifyCondition(condition);
    switch (classified.kind) {
      case 'history': {
        const key = historyKey(classified.condition.history);
        if (!found.has(key)) found.set(key, classified.condition.history);
        return;
      }
      case 'and':
        return classified.condition.and.forEach((part) => visit(part, depth + 1));
      case 'or':
        return classified.condition.or.forEach((part) => visit(part, depth + 1));
      case 'not':
        return visit(classified.condition.not, depth + 1);
      case 'field':
      case 'segment':
      case 'invalid':
        return;
    }
  };
  for (const { condition } of graphConditions(graph)) visit(condition);
  return [...found.values()];
}
