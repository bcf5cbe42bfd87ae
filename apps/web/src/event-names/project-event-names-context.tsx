import { createContext, type ReactNode, useContext } from 'react';
import { type ProjectEventNames } from './use-project-event-names';

/** Outside a canvas page: nothing received, nothing to refresh. */
const NO_EVENT_NAMES: ProjectEventNames = { received: [], knownEvents: undefined, refresh: () => undefined };
const ProjectEventNamesContext = createContext<ProjectEventNames>(NO_EVENT_NAMES);

/** Shares the names the page loaded (useProjectEventNames) with every event field, so no form fetches its own. */
export function ProjectEventNamesProvider({ value, children }: { value: ProjectEventNames; children: ReactNode }) {
  return <ProjectEventNamesContext.Provider value={value}>{children}</ProjectEventNamesContext.Provider>;
}

export function useReceivedEventNames(): ProjectEventNames {
  return useContext(ProjectEventNamesContext);
}
