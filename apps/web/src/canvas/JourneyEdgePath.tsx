import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import { useEditorStoreApi } from '../editor-store/editor-store-context';
import { type JourneyFlowEdge } from '../flow-mapping/flow-types';
import { removeElements } from '../graph-editing/remove-elements';
import { worstSeverity } from '../validation/problems-index';

/** A connection: coloured by its out-handle, red with a tooltip when it has problems, removable when selected. */
export const JourneyEdgePath = memo(function JourneyEdgePath(props: EdgeProps<JourneyFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data, markerEnd } = props;
  const store = useEditorStoreApi();
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const problems = data?.problems ?? [];
  const severity = worstSeverity(problems);
  const classes = ['journey-edge', `journey-edge--${data?.tone ?? 'neutral'}`, severity ? `journey-edge--${severity}` : '', selected ? 'journey-edge--selected' : '', data?.onPath ? 'journey-edge--on-path' : '']
    .filter(Boolean)
    .join(' ');
  const showLabel = severity !== undefined || (selected && !data?.readOnly);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={classes} interactionWidth={18} />
      {showLabel && (
        <EdgeLabelRenderer>
          <div className="journey-edge__label nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {severity !== undefined && (
              <span className={`journey-edge__problem journey-edge__problem--${severity}`} title={problems.map((problem) => problem.message).join('\n')}>
                !
              </span>
            )}
            {selected && !data?.readOnly && (
              <button
                type="button"
                className="journey-edge__remove"
                aria-label="Remove connection"
                title="Remove connection"
                onClick={() => store.getState().edit((graph) => removeElements(graph, [], [id]))}
              >
                ×
              </button>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
