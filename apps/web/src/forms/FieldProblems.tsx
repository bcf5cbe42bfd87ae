import { type JourneyProblem } from '../validation/journey-validator';
import { problemTextForField } from './problem-text';

/** The validator's problems about one field, under it. */
export function FieldProblems({ problems, id }: { problems?: readonly JourneyProblem[]; id?: string }) {
  if (problems === undefined || problems.length === 0) return null;
  return (
    <ul className="field-problems" id={id}>
      {problems.map((problem, index) => (
        <li key={index} className={`field-problems__item field-problems__item--${problem.severity}`}>
          {problemTextForField(problem.message)}
        </li>
      ))}
    </ul>
  );
}
