import { useEffect, useSyncExternalStore } from 'react';

/**
 * A list of the project's (saved segments, tags...) for pickers, loaded on first use and shared by
 * every picker of a page; `invalidate` after a change loads it again. A failed load offers nothing
 * (pickers still take typed values).
 */
export class ProjectCatalogue<Item> {
  private items: Item[] | undefined;
  private loading = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly load: () => Promise<Item[]>) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): Item[] | undefined => this.items;

  ensureLoaded(): void {
    if (this.items !== undefined || this.loading) return;
    this.loading = true;
    this.load().then(
      (items) => this.settle(items),
      () => this.settle([]),
    );
  }

  invalidate(): void {
    this.items = undefined;
    this.loading = false;
    if (this.listeners.size > 0) this.ensureLoaded();
  }

  private settle(items: Item[]): void {
    this.loading = false;
    this.items = items;
    this.listeners.forEach((listener) => listener());
  }
}

/** The catalogue's items (undefined while loading), loading them on first use. */
export function useCatalogueItems<Item>(catalogue: ProjectCatalogue<Item>): Item[] | undefined {
  useEffect(() => catalogue.ensureLoaded(), [catalogue]);
  return useSyncExternalStore(catalogue.subscribe, catalogue.snapshot);
}
