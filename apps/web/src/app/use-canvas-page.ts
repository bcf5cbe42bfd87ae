import { useEffect, useState } from 'react';

type CanvasPageModule = typeof import('../canvas/CanvasPage');

/**
 * The canvas (React Flow, the validator, dagre) is most of the code, so the journeys list and the
 * inbox open without it. Loaded by hand rather than with React.lazy: React throttles a Suspense
 * boundary's reveal (~300 ms), which made opening a journey that much slower.
 */
let loaded: CanvasPageModule | undefined;
let loading: Promise<CanvasPageModule> | undefined;

export function loadCanvasPage(): Promise<CanvasPageModule> {
  loading ??= import('../canvas/CanvasPage').then((module) => (loaded = module));
  return loading;
}

/** The canvas page's module once loaded (undefined until then; a failed load is retried). */
export function useCanvasPage(): { module: CanvasPageModule | undefined; error: unknown } {
  const [module, setModule] = useState(loaded);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (module !== undefined) return undefined;
    let current = true;
    loadCanvasPage().then(
      (loadedModule) => current && setModule(loadedModule),
      (failure: unknown) => {
        loading = undefined;
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [module]);
  return { module, error };
}
