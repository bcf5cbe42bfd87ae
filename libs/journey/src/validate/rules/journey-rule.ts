import { type JourneyGraphView } from '../graph-view';
import { type JourneyProblem } from '../problem';

/** A group of graph rules: the problems it finds in the well-formed parts of a journey. */
export type JourneyRule = (view: JourneyGraphView) => JourneyProblem[];
