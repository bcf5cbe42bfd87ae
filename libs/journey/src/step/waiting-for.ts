import { type JourneyMachine } from '../compile/compile-journey';
import { type PersistedJourneySnapshot } from './step';

/**
 * What an instance currently reacts to, so the engine can index waiting instances: the tracked
 * event names of its node (branch and reply events, goal events, engagement events) and the timer
 * it waits for. A done instance waits for nothing.
 */
export function waitingFor(
  journey: JourneyMachine,
  snapshot: PersistedJourneySnapshot,
): { events: string[]; timerId?: string } {
  if (snapshot.status !== 'active') return { events: [] };
  const listens = Object.prototype.hasOwnProperty.call(journey.listens, snapshot.value) ? journey.listens[snapshot.value] : [];
  const timer = snapshot.context.timer;
  return { events: [...listens], ...(timer === null ? {} : { timerId: timer.id }) };
}
