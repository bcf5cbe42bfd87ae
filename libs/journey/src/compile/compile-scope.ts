import { type InputAbsorber } from './absorb-input';
import { type JourneyGraphIndex } from './journey-graph-index';
import { type JourneyAction } from './reaction';
import { type JourneyStateConfig } from './journey-setup';

/** What every state builder needs from the journey being compiled. */
export interface CompileScope {
  index: JourneyGraphIndex;
  absorber: InputAbsorber;
  /** The action running `absorber.absorb`, first on every transition an input takes. */
  absorb: JourneyAction;
  /** Events any waiting node reacts to: goal events and engagement events of tracked sends. */
  recordedEvents: readonly string[];
  /** Goal events of which at least one goal ends the journey. */
  endingGoalEvents: ReadonlySet<string>;
}

/** A compiled state and the tracked event names it reacts to (for `waitingFor`). */
export interface BuiltState {
  config: JourneyStateConfig;
  listens: string[];
}
