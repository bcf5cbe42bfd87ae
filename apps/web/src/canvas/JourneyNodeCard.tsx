import { isEntryNodeType, type JourneyEdge, outHandles } from '@engine/journey';
import { Handle, type NodeProps, Position, useUpdateNodeInternals } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useEditor } from '../editor-store/editor-store-context';
import { type JourneyFlowNode } from '../flow-mapping/flow-types';
import { NodeStatsBadges } from '../live-stats/NodeStatsBadges';
import { handleLabel, handleTone } from '../node-catalogue/handle-label';
import { NODE_TYPE_INFO } from '../node-catalogue/node-catalogue';
import { NodeIcon } from '../node-catalogue/node-icon';
import { worstSeverity } from '../validation/problems-index';
import { ProblemMarker } from './ProblemMarker';

/** Per edges array: each node's connected out-handles, as one sorted key (built once, O(edges)). */
const connectedIndexCache = new WeakMap<readonly JourneyEdge[], ReadonlyMap<string, string>>();

function connectedHandlesKey(edges: readonly JourneyEdge[], nodeId: string): string {
  let index = connectedIndexCache.get(edges);
  if (index === undefined) {
    const handles = new Map<string, string[]>();
    for (const edge of edges) {
      const list = handles.get(edge.source);
      if (list === undefined) handles.set(edge.source, [edge.sourceHandle ?? '']);
      else list.push(edge.sourceHandle ?? '');
    }
    index = new Map([...handles].map(([source, list]) => [source, list.sort().join('\u0000')]));
    connectedIndexCache.set(edges, index);
  }
  return index.get(nodeId) ?? '';
}

/**
 * The out-handles of a node that are connected (the others are drawn hollow, asking to be connected).
 * Read from the editor store through a shared index, not from React Flow's store: React Flow's
 * store changes on every frame of a pan, and 300 cards each scanning every edge made panning slow.
 */
function useConnectedHandles(nodeId: string): ReadonlySet<string> {
  const used = useEditor((state) => connectedHandlesKey(state.graph.edges, nodeId));
  return useMemo(() => new Set(used.split('\u0000')), [used]);
}

/** A node on the canvas: its type, name, key setting, out-handles, problems and live counters. */
export const JourneyNodeCard = memo(function JourneyNodeCard({ id, data, selected }: NodeProps<JourneyFlowNode>) {
  const { node, summary, problems, stats, usersAtStepHref, testUserHere, onPath, readOnly } = data;
  const info = NODE_TYPE_INFO[node.type];
  const handles = outHandles(node);
  const connected = useConnectedHandles(id);
  const severity = worstSeverity(problems);
  const updateNodeInternals = useUpdateNodeInternals();
  const handlesKey = handles.join('\u0000');
  // React Flow measures a node's handles when it mounts; re-measure only when they change later
  // (on mount, 300 cards each asking for it meant 300 separate re-measures of the whole flow).
  const measuredHandlesKey = useRef(handlesKey);
  useEffect(() => {
    if (measuredHandlesKey.current === handlesKey) return;
    measuredHandlesKey.current = handlesKey;
    updateNodeInternals(id);
  }, [handlesKey, id, updateNodeInternals]);

  const label = node.label?.trim() ?? '';
  const single = handles.length === 1 && handles[0] === 'next';
  const classes = [
    'node-card',
    `node-card--${info.group}`,
    `node-card--type-${node.type.replace('.', '-')}`,
    selected ? 'node-card--selected' : '',
    severity !== undefined ? `node-card--${severity}` : '',
    testUserHere ? 'node-card--test-user' : '',
    onPath ? 'node-card--on-path' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-node-id={id} data-testid={`node-${id}`}>
      {!isEntryNodeType(node.type) && <Handle type="target" position={Position.Left} className="node-card__input" isConnectable={!readOnly} />}
      <div className="node-card__header">
        <span className="node-card__icon">
          <NodeIcon type={node.type} size={16} />
        </span>
        <span className="node-card__type">{info.title}</span>
        <ProblemMarker problems={problems} />
      </div>
      <div className="node-card__body">
        {label !== '' && <div className="node-card__label">{label}</div>}
        <div className={label !== '' ? 'node-card__summary' : 'node-card__summary node-card__summary--main'}>{summary}</div>
      </div>
      {stats !== undefined && <NodeStatsBadges stats={stats} type={node.type} usersHref={usersAtStepHref} />}
      {testUserHere && <div className="node-card__test-user">Test user is here</div>}
      {single ? (
        <Handle
          type="source"
          position={Position.Right}
          id="next"
          className={connected.has('next') ? 'node-card__output' : 'node-card__output node-card__output--open'}
          isConnectable={!readOnly}
        />
      ) : (
        handles.length > 0 && (
          <ul className="node-card__outs">
            {handles.map((handle) => (
              <li key={handle} className={`node-card__out node-card__out--${handleTone(handle)}`}>
                <span className="node-card__out-label">{handleLabel(node, handle)}</span>
                <Handle
                  type="source"
                  position={Position.Right}
                  id={handle}
                  className={connected.has(handle) ? 'node-card__output' : 'node-card__output node-card__output--open'}
                  isConnectable={!readOnly}
                />
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  );
});
