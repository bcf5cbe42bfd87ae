import { type JourneyGraph } from '@engine/journey';
import { createContext, type ReactNode, useContext, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useEditor, useEditorStoreApi } from '../editor-store/editor-store-context';
import { type RegisteredWhatsAppTemplate, validateJourney, whatsAppTemplateProblems } from './journey-validator';
import { indexProblems, type ProblemsIndex } from './problems-index';

const EMPTY_INDEX = indexProblems({ valid: true, problems: [] });
const ValidationContext = createContext<ProblemsIndex>(EMPTY_INDEX);

/**
 * Validates a graph as the API does before publishing, and indexes the problems: the journey
 * validator, then, when the project's template registry is known, the WhatsApp template checks.
 */
export function validateForCanvas(graph: JourneyGraph, knownEvents?: readonly string[], whatsAppTemplates?: readonly RegisteredWhatsAppTemplate[]): ProblemsIndex {
  const result = validateJourney(graph, knownEvents === undefined ? {} : { knownEvents });
  if (whatsAppTemplates === undefined) return indexProblems(result);
  const templateProblems = whatsAppTemplateProblems(graph, whatsAppTemplates);
  return indexProblems({ valid: result.valid && templateProblems.length === 0, problems: [...result.problems, ...templateProblems] });
}

interface ValidationProviderProps {
  children: ReactNode;
  knownEvents?: readonly string[];
  /** The project's registered templates (every status); undefined when not loaded, which leaves the template checks to the API. Keep the same array between renders. */
  whatsAppTemplates?: readonly RegisteredWhatsAppTemplate[];
}

/** Journeys larger than this are validated once typing pauses, not on every key (the validator takes ~0.3 ms a node). */
const LARGE_JOURNEY_NODES = 60;
const LARGE_JOURNEY_DELAY_MS = 250;

/**
 * Revalidates whenever the graph's content changes; moving nodes does not (positions do not
 * matter to the validator). Deferred, and on large journeys debounced, so typing stays responsive.
 */
export function ValidationProvider({ children, knownEvents, whatsAppTemplates }: ValidationProviderProps) {
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
  const problems = useMemo(() => validateForCanvas(deferredGraph, knownEvents, whatsAppTemplates), [deferredGraph, knownEvents, whatsAppTemplates]);
  return <ValidationContext.Provider value={problems}>{children}</ValidationContext.Provider>;
}

export function useProblems(): ProblemsIndex {
  return useContext(ValidationContext);
}
