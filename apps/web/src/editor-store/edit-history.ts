import { type JourneyGraph } from '@engine/journey';

/** How many steps undo can go back. */
export const HISTORY_LIMIT = 200;
/** Edits with the same key within this time (typing in one field) undo as one step. */
export const COALESCE_WINDOW_MS = 1200;

export interface EditHistory {
  past: JourneyGraph[];
  future: JourneyGraph[];
  /** The key and time of the last edit, to merge a burst of typing into one undo step. */
  last?: { key: string; at: number };
}

export const EMPTY_HISTORY: EditHistory = { past: [], future: [] };

/** Records that `previous` was replaced, unless this edit continues the last one (same key, soon after). */
export function recordEdit(history: EditHistory, previous: JourneyGraph, coalesceKey: string | undefined, now: number): EditHistory {
  const continues =
    coalesceKey !== undefined && history.last?.key === coalesceKey && now - history.last.at <= COALESCE_WINDOW_MS && history.past.length > 0;
  const last = coalesceKey === undefined ? undefined : { key: coalesceKey, at: now };
  if (continues) return { past: history.past, future: [], last };
  return { past: [...history.past, previous].slice(-HISTORY_LIMIT), future: [], last };
}

export function undoEdit(history: EditHistory, current: JourneyGraph): { history: EditHistory; graph: JourneyGraph } | undefined {
  if (history.past.length === 0) return undefined;
  const graph = history.past[history.past.length - 1];
  return { graph, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
}

export function redoEdit(history: EditHistory, current: JourneyGraph): { history: EditHistory; graph: JourneyGraph } | undefined {
  if (history.future.length === 0) return undefined;
  const [graph, ...future] = history.future;
  return { graph, history: { past: [...history.past, current].slice(-HISTORY_LIMIT), future } };
}
