import { knownEventsFromReceived } from '@engine/journey';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { eventsApi, type ReceivedEventName } from '../api/events-api';

/** The event names the project has received, for suggestions and the unknown-event check. */
export interface ProjectEventNames {
  /** Sorted by name; empty while loading and when they could not be loaded. */
  received: readonly ReceivedEventName[];
  /** For the validator, as the API computes it; the same array until the names change. */
  knownEvents: readonly string[] | undefined;
  /** Loads the names again (e.g. after a test event may have added one). */
  refresh: () => void;
}

const NONE: readonly ReceivedEventName[] = [];

/**
 * Loads the project's received event names once, and again on `refresh`. A failed load is not
 * an error to show: without names there are just no suggestions and no unknown-event warnings
 * (publishing still validates on the API), and a failed refresh keeps the names already loaded.
 */
export function useProjectEventNames(): ProjectEventNames {
  const [received, setReceived] = useState<readonly ReceivedEventName[]>(NONE);
  // Only the latest request may set the names; unmounting outdates them all.
  const requestRef = useRef(0);
  const refresh = useCallback((): void => {
    const request = (requestRef.current += 1);
    eventsApi.names().then(
      (names) => {
        if (request === requestRef.current) setReceived(Array.isArray(names) ? names : NONE);
      },
      () => undefined,
    );
  }, []);
  useEffect(() => {
    refresh();
    return () => {
      requestRef.current += 1;
    };
  }, [refresh]);
  const knownEvents = useMemo(() => knownEventsFromReceived(received.map((event) => event.name)), [received]);
  return useMemo(() => ({ received, knownEvents, refresh }), [received, knownEvents, refresh]);
}
