import { type JourneyGraph } from '@engine/journey';
import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../editor-store/editor-store';
import { omnichannel } from '../testing/journey-fixtures';
import { addNodeFromHandle } from './add-node-from-handle';
import { DEFAULT_NODE_SIZE } from './auto-layout';

function edgesFrom(graph: JourneyGraph, source: string, handle: string) {
  return graph.edges.filter((edge) => edge.source === source && edge.sourceHandle === handle);
}

describe('addNodeFromHandle', () => {
  it('adds the node with its input on the drop point, connected from the dragged handle', () => {
    const graph = omnichannel();
    graph.edges = graph.edges.filter((edge) => edge.id !== 'push-opened-yes');
    const result = addNodeFromHandle(graph, 'wait.delay', { x: 600.4, y: 300 }, { nodeId: 'push-opened', handle: 'yes' });
    if (result === undefined) throw new Error('nothing added');
    const added = result.graph.nodes.find((node) => node.id === result.nodeId);
    expect(added).toMatchObject({ type: 'wait.delay', position: { x: 600, y: 300 - DEFAULT_NODE_SIZE.height / 2 } });
    expect(edgesFrom(result.graph, 'push-opened', 'yes').map((edge) => edge.target)).toEqual([result.nodeId]);
    // Nothing else changed.
    expect(result.graph.nodes).toHaveLength(graph.nodes.length + 1);
    expect(result.graph.edges).toHaveLength(graph.edges.length + 1);
  });

  it('gives the node and the connection ids not taken yet', () => {
    const graph = omnichannel();
    const result = addNodeFromHandle(graph, 'send.email', { x: 0, y: 0 }, { nodeId: 'email-opened', handle: 'no' });
    if (result === undefined) throw new Error('nothing added');
    expect(result.nodeId).toBe('email-2');
    const nodeIds = result.graph.nodes.map((node) => node.id);
    const edgeIds = result.graph.edges.map((edge) => edge.id);
    expect(new Set(nodeIds).size).toBe(nodeIds.length);
    expect(new Set(edgeIds).size).toBe(edgeIds.length);
  });

  it('replaces the connection the handle already had, as connecting does', () => {
    const result = addNodeFromHandle(omnichannel(), 'send.sms', { x: 0, y: 0 }, { nodeId: 'push-opened', handle: 'no' });
    if (result === undefined) throw new Error('nothing added');
    expect(edgesFrom(result.graph, 'push-opened', 'no').map((edge) => edge.target)).toEqual([result.nodeId]);
    // The step it led to stays, now without that way in.
    expect(result.graph.nodes.some((node) => node.id === 'email')).toBe(true);
    expect(result.graph.edges.some((edge) => edge.target === 'email')).toBe(false);
  });

  it('adds no entry (nothing may lead into one), and nothing from a handle the node does not have', () => {
    const graph = omnichannel();
    expect(addNodeFromHandle(graph, 'entry.event', { x: 0, y: 0 }, { nodeId: 'push-opened', handle: 'no' })).toBeUndefined();
    expect(addNodeFromHandle(graph, 'exit', { x: 0, y: 0 }, { nodeId: 'push', handle: 'yes' })).toBeUndefined();
    expect(addNodeFromHandle(graph, 'exit', { x: 0, y: 0 }, { nodeId: 'gone', handle: 'next' })).toBeUndefined();
  });
});

describe('editor store: adding a step from a dragged connection', () => {
  it('adds and connects as one undoable edit and selects the new step', () => {
    const store = createEditorStore(omnichannel());
    const id = store.getState().addNodeFromHandle('send.sms', { x: 500, y: 200 }, { nodeId: 'push-opened', handle: 'no' });
    expect(id).toBe('sms');
    expect(store.getState().selectedNodeIds).toEqual(['sms']);
    expect(store.getState().lastAddedNodeId).toBe('sms');
    expect(edgesFrom(store.getState().graph, 'push-opened', 'no').map((edge) => edge.target)).toEqual(['sms']);
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().graph).toEqual(omnichannel());
    expect(store.getState().selectedNodeIds).toEqual([]);
  });

  it('changes nothing in a read-only view', () => {
    const store = createEditorStore(omnichannel(), { readOnly: true });
    expect(store.getState().addNodeFromHandle('send.sms', { x: 0, y: 0 }, { nodeId: 'push-opened', handle: 'no' })).toBeUndefined();
    expect(store.getState().graph).toEqual(omnichannel());
  });
});
