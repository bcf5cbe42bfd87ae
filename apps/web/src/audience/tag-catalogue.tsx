import { createContext, type ReactNode, useContext, useState } from 'react';
import { audienceApi, type TagDefinition } from '../api/audience-api';
import { ProjectCatalogue, useCatalogueItems } from '../catalogue/project-catalogue';

/** The project's tag catalogue for pickers: names with their types. */
export class TagCatalogue extends ProjectCatalogue<TagDefinition> {
  constructor(load: () => Promise<TagDefinition[]> = audienceApi.tags) {
    super(load);
  }
}

const TagCatalogueContext = createContext<TagCatalogue>(new TagCatalogue());

/** One catalogue per project: keyed by the project around the pages. */
export function TagCatalogueProvider({ children }: { children: ReactNode }) {
  const [catalogue] = useState(() => new TagCatalogue());
  return <TagCatalogueContext.Provider value={catalogue}>{children}</TagCatalogueContext.Provider>;
}

export function useTagCatalogue(): TagCatalogue {
  return useContext(TagCatalogueContext);
}

/** The project's tags with their types (undefined while loading). */
export function useProjectTags(): TagDefinition[] | undefined {
  return useCatalogueItems(useTagCatalogue());
}
