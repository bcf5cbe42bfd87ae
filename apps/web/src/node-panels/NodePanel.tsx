import { type JourneyNode } from '@engine/journey';
import { useEffect, useRef } from 'react';
import { useEditor, useEditorStoreApi } from '../editor-store/editor-store-context';
import { FieldProblems } from '../forms/FieldProblems';
import { TextField } from '../forms/TextField';
import { NODE_TYPE_INFO } from '../node-catalogue/node-catalogue';
import { NodeIcon } from '../node-catalogue/node-icon';
import { useProblems } from '../validation/validation-context';
import { NodeForm } from './NodeForm';

const NO_PROBLEMS = [] as const;

/** The side panel of the selected node: its name, its settings by type, and its problems. */
export function NodePanel({ nodeId }: { nodeId: string }) {
  const store = useEditorStoreApi();
  const node = useEditor((state) => state.graph.nodes.find((candidate) => candidate.id === nodeId));
  const graph = useEditor((state) => state.graph);
  const readOnly = useEditor((state) => state.readOnly);
  const lastAddedNodeId = useEditor((state) => state.lastAddedNodeId);
  const problems = useProblems().byNode.get(nodeId) ?? NO_PROBLEMS;
  const bodyRef = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    if (lastAddedNodeId !== nodeId || readOnly) return;
    const first = bodyRef.current?.querySelector<HTMLElement>('input:not([type=checkbox]), textarea, select');
    first?.focus();
    // Once: selecting the step again later must not pull the focus away from the canvas.
    store.setState({ lastAddedNodeId: undefined });
  }, [nodeId, lastAddedNodeId, readOnly, store]);

  if (node === undefined) return null;
  const info = NODE_TYPE_INFO[node.type];
  // Problems about the node as a whole (connections, reachability); field problems show under their fields.
  const general = problems.filter((problem) => problem.field === undefined || !(problem.field.startsWith('data') || problem.field === 'label'));
  const change = (next: JourneyNode, field: string): void => store.getState().updateNode(next, `${nodeId}:${field}`);

  return (
    <aside
      className={`node-panel node-panel--${info.group}`}
      aria-label={`${info.title} settings`}
      onKeyDown={(event) => {
        // Escape closes the panel, unless it closes a list a field opened.
        if (event.key === 'Escape' && !(event.target instanceof HTMLSelectElement)) {
          event.preventDefault();
          store.getState().select([]);
          // Back to the step on the canvas, so the keyboard user carries on from there.
          const selector = typeof CSS === 'undefined' ? undefined : `.react-flow__node[data-id="${CSS.escape(nodeId)}"]`;
          if (selector !== undefined) document.querySelector<HTMLElement>(selector)?.focus();
        }
      }}
    >
      <header className="node-panel__header">
        <span className="node-panel__icon">
          <NodeIcon type={node.type} size={18} />
        </span>
        <div className="node-panel__heading">
          <h2 className="node-panel__title">{info.title}</h2>
          <span className="node-panel__id" title="Statistics and problems name the step by this id">
            id <code>{node.id}</code>
          </span>
        </div>
        <button type="button" className="icon-button" aria-label="Close panel" title="Close (Esc)" onClick={() => store.getState().select([])}>
          ×
        </button>
      </header>
      <fieldset className="node-panel__body" disabled={readOnly} ref={bodyRef}>
        {general.length > 0 && (
          <div className="node-panel__problems">
            <FieldProblems problems={general} />
          </div>
        )}
        <NodeForm node={node} onChange={change} problems={problems} graph={graph} />
        <TextField
          label="Name on the canvas"
          value={node.label ?? ''}
          onChange={(label) => {
            const { label: _old, ...rest } = node;
            store.getState().updateNode(label === '' ? rest : { ...rest, label }, `${nodeId}:label`);
          }}
          placeholder={info.title}
          hint="Optional; shown on the card and in statistics."
        />
      </fieldset>
      {!readOnly && (
        <footer className="node-panel__footer">
          <button type="button" className="button button--danger-quiet" onClick={() => {
              store.getState().select([nodeId]);
              store.getState().deleteSelection();
            }}>
            Delete step
          </button>
        </footer>
      )}
    </aside>
  );
}
