import { type JourneyGraph } from '@engine/journey';
import { createContext, type ReactNode, useContext, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useEditor, useEditorStoreApi } from '../editor-store/editor-store-context';
import { validateJourney } from './journey-validator';
import { indexProblems, type ProblemsIndex } from './problems-index';

const EMPTY_INDEX = indexProblems({ valid: true, problems: [] });
const ValidationContext = createContext<ProblemsIndex>(EMPTY_INDEX);

/** Validates a graph with the journey validator (the one the API publishes with) and indexes the problems. */
export function validateForCanvas(graph: JourneyGraph, knownEvents?: readonly string[]): ProblemsIndex {
  return indexProblems(validateJourney(graph, knownEvents === undefined ? {} : { knownEvents }));
}

/** Journeys larger than this are validated once typing pauses, not on every key (the validator takes ~0.3 ms a node). */
const LARGE_JOURNEY_NODES = 60;
const LARGE_JOURNEY_DELAY_MS = 250;

/**
 * Revalidates whenever the graph's content changes; moving nodes does not (positions do not
 * matter to the validator). Deferred, and on large journeys debounced, so typing stays responsive.
 */
export function ValidationProvider({ children, knownEvents }: { children: ReactNode; knownEvents?: readonly string[] }) {
  const graph = useEditor((state) => state.graph);
  const contentVersion = useEditor((state) => state.contentVersion);
  // The graph as of the last content change: a move makes a new graph but keeps the version.
  const store = useEditorStoreApi();
  const contentGraph = useMemo(() => graph, [store, contentVersion]);
  const large = contentGraph.nodes.length > LARGE_JOURNEY_NODES;
  const [settledGraph, setSettledGraph] = useState(contentGraph);
  useEffect(() => {
    if (!large) return undefined;
    const timer = window.setTimeout(() => setSettledGraph(contentGraph), LARGE_JOURNEY_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [contentGraph, large]);
  const deferredGraph = useDeferredValue(large ? settledGraph : contentGraph);
  const problems = useMemo(() => validateForCanvas(deferredGraph, knownEvents), [deferredGraph, knownEvents]);
  return <ValidationContext.Provider value={problems}>{children}</ValidationContext.Provider>;
}

export function useProblems(): ProblemsIndex {
  return useContext(ValidationContext);
}
