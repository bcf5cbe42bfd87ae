import { type JourneyProblem, type JourneyValidationResult } from './journey-validator';

/** Problems sorted by where the canvas shows them. */
export interface ProblemsIndex {
  all: readonly JourneyProblem[];
  byNode: ReadonlyMap<string, readonly JourneyProblem[]>;
  byEdge: ReadonlyMap<string, readonly JourneyProblem[]>;
  /** Problems of the journey as a whole or its settings. */
  general: readonly JourneyProblem[];
  errorCount: number;
  warningCount: number;
}

export function indexProblems(result: JourneyValidationResult): ProblemsIndex {
  const byNode = new Map<string, JourneyProblem[]>();
  const byEdge = new Map<string, JourneyProblem[]>();
  const general: JourneyProblem[] = [];
  for (const problem of result.problems) {
    if (problem.nodeId !== undefined) byNode.set(problem.nodeId, [...(byNode.get(problem.nodeId) ?? []), problem]);
    else if (problem.edgeId !== undefined) byEdge.set(problem.edgeId, [...(byEdge.get(problem.edgeId) ?? []), problem]);
    else general.push(problem);
  }
  const errorCount = result.problems.filter((problem) => problem.severity === 'error').length;
  return { all: result.problems, byNode, byEdge, general, errorCount, warningCount: result.problems.length - errorCount };
}

/** The problems of one field of a node (`data.title`) or of anything inside it (`data.template.name`). */
export function problemsAt(problems: readonly JourneyProblem[], path: string): JourneyProblem[] {
  return problems.filter((problem) => {
    const field = problem.field;
    if (field === undefined) return false;
    return field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`);
  });
}

/** The worst severity among problems, if any. */
export function worstSeverity(problems: readonly JourneyProblem[]): 'error' | 'warning' | undefined {
  if (problems.some((problem) => problem.severity === 'error')) return 'error';
  return problems.length > 0 ? 'warning' : undefined;
}
