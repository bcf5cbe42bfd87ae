import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { type SavedSegment, segmentsApi } from '../api/segments-api';

/**
 * The project's saved segments for pickers, loaded on first use and shared by every picker of a
 * page; `invalidate` after a change loads them again.
 */
export class SegmentCatalogue {
  private segments: SavedSegment[] | undefined;
  private loading = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly load: () => Promise<SavedSegment[]> = segmentsApi.list) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): SavedSegment[] | undefined => this.segments;

  ensureLoaded(): void {
    if (this.segments !== undefined || this.loading) return;
    this.loading = true;
    this.load().then(
      (segments) => this.settle(segments),
      // Pickers then offer no saved segment; writing a condition inline still works.
      () => this.settle([]),
    );
  }

  invalidate(): void {
    this.segments = undefined;
    this.loading = false;
    if (this.listeners.size > 0) this.ensureLoaded();
  }

  private settle(segments: SavedSegment[]): void {
    this.loading = false;
    this.segments = segments;
    this.listeners.forEach((listener) => listener());
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
  const catalogue = useSegmentCatalogue();
  useEffect(() => catalogue.ensureLoaded(), [catalogue]);
  return useSyncExternalStore(catalogue.subscribe, catalogue.snapshot);
}
