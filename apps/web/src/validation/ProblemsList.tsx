import { useEditor, useEditorStoreApi } from '../editor-store/editor-store-context';
import { problemText } from '../node-catalogue/step-name';
import { type JourneyProblem } from './journey-validator';
import { useProblems } from './validation-context';

/** Every problem of the journey; choosing one shows where it is (the node, the connection or the settings). */
export function ProblemsList({ onOpenSettings }: { onOpenSettings: () => void }) {
  const problems = useProblems();
  const store = useEditorStoreApi();
  const graph = useEditor((state) => state.graph);
  if (problems.all.length === 0) {
    return <p className="problems-list__none">No problems: the journey is ready to publish.</p>;
  }
  const show = (problem: JourneyProblem): void => {
    const state = store.getState();
    if (problem.nodeId !== undefined && state.graph.nodes.some((node) => node.id === problem.nodeId)) {
      state.focusNode(problem.nodeId);
    } else if (problem.edgeId !== undefined) {
      const edge = state.graph.edges.find((candidate) => candidate.id === problem.edgeId);
      if (edge !== undefined && state.graph.nodes.some((node) => node.id === edge.source)) {
        state.focusNode(edge.source);
        state.select([], [edge.id]);
      }
    } else if (problem.field?.startsWith('settings') === true) {
      onOpenSettings();
    }
  };
  return (
    <ul className="problems-list" aria-label="Problems">
      {problems.all.map((problem, index) => (
        <li key={index}>
          <button type="button" className={`problems-list__item problems-list__item--${problem.severity}`} onClick={() => show(problem)}>
            <span className="problems-list__severity">{problem.severity === 'error' ? 'Error' : 'Warning'}</span>
            <span className="problems-list__message">{problemText(problem, graph)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
