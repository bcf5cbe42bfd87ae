import { type JourneyProblem } from '../problem';
import { nodeSubject, type NamedNode } from '../wording';

interface ProblemDetails {
  severity?: JourneyProblem['severity'];
  field?: string;
  edgeId?: string;
}

/** A problem about a node: `Node "Welcome" (Send push): <text>`. */
export function nodeProblem(node: NamedNode, code: string, text: string, details: ProblemDetails = {}): JourneyProblem {
  return withDetails({ severity: 'error', code, message: `${nodeSubject(node)}: ${text}`, nodeId: node.id }, details);
}

/** A problem about a connection or a setting, with its full sentence. */
export function plainProblem(code: string, message: string, details: ProblemDetails = {}): JourneyProblem {
  return withDetails({ severity: 'error', code, message }, details);
}

function withDetails(problem: JourneyProblem, { severity, field, edgeId }: ProblemDetails): JourneyProblem {
  if (severity !== undefined) problem.severity = severity;
  if (edgeId !== undefined) problem.edgeId = edgeId;
  if (field !== undefined) problem.field = field;
  return problem;
}
