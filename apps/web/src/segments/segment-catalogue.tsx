import { createContext, type ReactNode, useContext, useState } from 'react';
import { type SavedSegment, segmentsApi } from '../api/segments-api';
import { ProjectCatalogue, useCatalogueItems } from '../catalogue/project-catalogue';

/** The project's saved segments for pickers (a reference to a deleted one stays visible as such). */
export class SegmentCatalogue extends ProjectCatalogue<SavedSegment> {
  constructor(load: () => Promise<SavedSegment[]> = segmentsApi.list) {
    super(load);
  }
}

const SegmentCatalogueContext = createContext<SegmentCatalogue>(new SegmentCatalogue());

/** One catalogue per project: keyed by the project around the pages. */
export function SegmentCatalogueProvider({ children }: { children: ReactNode }) {
  const [catalogue] = useState(() => new SegmentCatalogue());
  return <SegmentCatalogueContext.Provider value={catalogue}>{children}</SegmentCatalogueContext.Provider>;
}

export function useSegmentCatalogue(): SegmentCatalogue {
  return useContext(SegmentCatalogueContext);
}

/** The project's saved segments (undefined while loading). */
export function useProjectSegments(): SavedSegment[] | undefined {
  return useCatalogueItems(useSegmentCatalogue());
}
