/** One thing wrong (or worth a second look) in a journey, located on the canvas where possible. */
export interface JourneyProblem {
  /** `error` blocks publishing; `warning` is shown but allowed. */
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. `unconnected-handle`. */
  code: string;
  /** A sentence a marketer understands, naming the node, connection or setting. */
  message: string;
  nodeId?: string;
  edgeId?: string;
  /**
   * Path of the offending value: relative to the node or edge when `nodeId` / `edgeId` is set
   * (`data.title`), else from the journey root (`settings.goals[0].period`, `nodes[3]`).
   */
  field?: string;
}

export interface JourneyValidationResult {
  /** No errors (warnings allowed). */
  valid: boolean;
  problems: JourneyProblem[];
}
