import { type JourneyAction, type JourneyGuard } from '../reaction';

/** A transition as the compiler writes it; `reenter` makes an edge back to the same node a new visit. */
export interface JourneyTransition {
  target?: string;
  reenter?: boolean;
  guard?: JourneyGuard;
  actions?: JourneyAction[];
}

/** Follow an edge to `target` when `guard` holds (always when omitted). */
export function moveTo(target: string, guard?: JourneyGuard, actions: JourneyAction[] = []): JourneyTransition {
  return { target, reenter: true, ...(guard === undefined ? {} : { guard }), actions };
}
