import { problemTextForField } from '../forms/problem-text';
import { type JourneyProblem } from '../validation/journey-validator';
import { worstSeverity } from '../validation/problems-index';

/** A warning sign with the problems as a tooltip (hover or keyboard focus shows them). */
export function ProblemMarker({ problems }: { problems: readonly JourneyProblem[] }) {
  const severity = worstSeverity(problems);
  if (severity === undefined) return null;
  // On the step itself: its name would only repeat what the card shows.
  const summary = problems.map((problem) => problemTextForField(problem.message)).join('\n');
  return (
    <span className={`problem-marker problem-marker--${severity}`} tabIndex={0} role="img" aria-label={`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}: ${summary}`}>
      <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 3 2 21h20L12 3z" fill="currentColor" />
        <path d="M12 10v5M12 18v.01" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      </svg>
      <span className="problem-marker__popover" role="tooltip">
        {problems.map((problem, index) => (
          <span key={index} className={`problem-marker__line problem-marker__line--${problem.severity}`}>
            {problemTextForField(problem.message)}
          </span>
        ))}
      </span>
    </span>
  );
}
