import { type JourneyGraph, type JourneyNode, outHandles } from '@engine/journey';
import { describe, expect, it, vi } from 'vitest';
import { graphOf, omnichannel } from '../testing/journey-fixtures';
import { COALESCE_WINDOW_MS } from './edit-history';
import { createEditorStore } from './editor-store';

function node(graph: JourneyGraph, id: string): JourneyNode {
  const found = graph.nodes.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no node ${id}`);
  return found;
}

describe('editor store: undo and redo', () => {
  it('undoes and redoes adding a node', () => {
    const store = createEditorStore(graphOf());
    const id = store.getState().addNodeOfType('send.push', { x: 10, y: 20 });
    expect(store.getState().graph.nodes.map((candidate) => candidate.id)).toEqual([id]);
    store.getState().undo();
    expect(store.getState().graph.nodes).toEqual([]);
    store.getState().redo();
    expect(store.getState().graph.nodes.map((candidate) => candidate.id)).toEqual([id]);
    expect(store.getState().history.future).toEqual([]);
  });

  it('a new edit after undo drops the redo steps', () => {
    const store = createEditorStore(graphOf());
    store.getState().addNodeOfType('send.push', { x: 0, y: 0 });
    store.getState().undo();
    store.getState().addNodeOfType('send.email', { x: 0, y: 0 });
    store.getState().redo();
    expect(store.getState().graph.nodes.map((candidate) => candidate.type)).toEqual(['send.email']);
  });

  it('merges a burst of typing in one field into one undo step, but not typing in another field', () => {
    vi.useFakeTimers();
    try {
      const store = createEditorStore(omnichannel());
      const push = node(store.getState().graph, 'push');
      if (push.type !== 'send.push') throw new Error('push');
      for (const title of ['N', 'Ne', 'New']) {
        store.getState().updateNode({ ...push, data: { ...push.data, title } }, 'push:title');
        vi.advanceTimersByTime(100);
      }
      store.getState().updateNode({ ...push, data: { ...push.data, title: 'New', body: 'Body' } }, 'push:body');
      expect(store.getState().history.past).toHaveLength(2);
      store.getState().undo();
      store.getState().undo();
      expect(node(store.getState().graph, 'push')).toEqual(push);
      vi.advanceTimersByTime(COALESCE_WINDOW_MS + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('records a drag as one undo step (moves during the drag join it)', () => {
    const store = createEditorStore(omnichannel());
    const start = store.getState().graph;
    store.getState().applyNodeChanges([{ type: 'position', id: 'push', position: { x: 260, y: 10 }, dragging: true }]);
    store.getState().applyNodeChanges([{ type: 'position', id: 'push', position: { x: 300, y: 40 }, dragging: true }]);
    store.getState().applyNodeChanges([{ type: 'position', id: 'push', position: { x: 320, y: 60 }, dragging: false }]);
    expect(node(store.getState().graph, 'push').position).toEqual({ x: 320, y: 60 });
    expect(store.getState().history.past).toHaveLength(1);
    expect(store.getState().dragging).toBe(false);
    store.getState().undo();
    expect(store.getState().graph).toBe(start);
  });

  it('moves do not count as content changes (no revalidation), edits do', () => {
    const store = createEditorStore(omnichannel());
    const { contentVersion, editVersion } = store.getState();
    store.getState().applyNodeChanges([{ type: 'position', id: 'push', position: { x: 1, y: 1 } }]);
    expect(store.getState().contentVersion).toBe(contentVersion);
    expect(store.getState().editVersion).toBe(editVersion + 1);
    store.getState().select(['push']);
    store.getState().deleteSelection();
    expect(store.getState().contentVersion).toBe(contentVersion + 1);
  });

  it('keeps measured sizes and selection from React Flow changes without recording history', () => {
    const store = createEditorStore(omnichannel());
    store.getState().applyNodeChanges([
      { type: 'dimensions', id: 'push', dimensions: { width: 224, height: 96 } },
      { type: 'select', id: 'push', selected: true },
    ]);
    expect(store.getState().measured['push']).toEqual({ width: 224, height: 96 });
    expect(store.getState().selectedNodeIds).toEqual(['push']);
    expect(store.getState().history.past).toHaveLength(0);
  });
});

describe('editor store: editing', () => {
  it('deletes the selected nodes with their connections, undoably', () => {
    const store = createEditorStore(omnichannel());
    store.getState().select(['push-opened']);
    store.getState().deleteSelection();
    const graph = store.getState().graph;
    expect(graph.nodes.some((candidate) => candidate.id === 'push-opened')).toBe(false);
    expect(graph.edges.some((edge) => edge.source === 'push-opened' || edge.target === 'push-opened')).toBe(false);
    expect(store.getState().selectedNodeIds).toEqual([]);
    store.getState().undo();
    expect(store.getState().graph).toEqual(omnichannel());
  });

  it('connects one edge per out-handle: a new connection from a used handle replaces the old one', () => {
    const store = createEditorStore(omnichannel());
    store.getState().connect({ source: 'push-opened', sourceHandle: 'yes', target: 'email' });
    const fromYes = store.getState().graph.edges.filter((edge) => edge.source === 'push-opened' && edge.sourceHandle === 'yes');
    expect(fromYes).toHaveLength(1);
    expect(fromYes[0].target).toBe('email');
  });

  it('refuses connections into an entry, onto itself, or from a handle the node does not have', () => {
    const store = createEditorStore(omnichannel());
    const before = store.getState().graph;
    store.getState().connect({ source: 'push', sourceHandle: 'next', target: 'entry' });
    store.getState().connect({ source: 'push', sourceHandle: 'next', target: 'push' });
    store.getState().connect({ source: 'push', sourceHandle: 'yes', target: 'email' });
    expect(store.getState().graph).toBe(before);
  });

  it('adds a palette node after the selected node, connected from its first free handle', () => {
    const store = createEditorStore(omnichannel());
    store.getState().select(['whatsapp']);
    store.getState().edit((graph) => ({ ...graph, edges: graph.edges.filter((edge) => edge.source !== 'whatsapp') }));
    const id = store.getState().addNodeOfType('wait.delay', { x: 0, y: 0 })!;
    const graph = store.getState().graph;
    expect(graph.edges).toContainEqual(expect.objectContaining({ source: 'whatsapp', sourceHandle: 'next', target: id }));
    expect(node(graph, id).position.x).toBeGreaterThan(node(graph, 'whatsapp').position.x);
    expect(store.getState().selectedNodeIds).toEqual([id]);
    expect(store.getState().lastAddedNodeId).toBe(id);
  });

  it('builds push -> engagement check with the check looking at that push', () => {
    const store = createEditorStore(graphOf({ id: 'entry', type: 'entry.event', position: { x: 0, y: 0 }, data: { event: 'Signup' } }));
    store.getState().select(['entry']);
    const push = store.getState().addNodeOfType('send.push', { x: 0, y: 0 })!;
    const check = store.getState().addNodeOfType('branch.engagement', { x: 0, y: 0 })!;
    const engagement = node(store.getState().graph, check);
    expect(engagement.data).toEqual({ sendNodeId: push, metric: 'opened', window: '4h' });
    // "yes" is taken by the next step; the check stays selected after an exit, so the next goes on "no".
    const firstExit = store.getState().addNodeOfType('exit', { x: 0, y: 0 })!;
    expect(store.getState().selectedNodeIds).toEqual([check]);
    const email = store.getState().addNodeOfType('send.email', { x: 0, y: 0 })!;
    expect(store.getState().selectedNodeIds).toEqual([email]);
    const edges = store.getState().graph.edges;
    expect(edges).toContainEqual(expect.objectContaining({ source: check, sourceHandle: 'yes', target: firstExit }));
    expect(edges).toContainEqual(expect.objectContaining({ source: check, sourceHandle: 'no', target: email }));
  });

  it('copies and pastes nodes with fresh ids, their inner connections and engagement references', () => {
    const store = createEditorStore(omnichannel());
    store.getState().select(['email', 'email-opened']);
    store.getState().copySelection();
    store.getState().paste();
    const graph = store.getState().graph;
    const pasted = store.getState().selectedNodeIds;
    expect(pasted).toHaveLength(2);
    expect(pasted).not.toContain('email');
    const [emailCopy, checkCopy] = pasted.map((id) => node(graph, id));
    expect(emailCopy.type).toBe('send.email');
    expect(emailCopy.position).toEqual({ x: 790, y: 40 });
    if (checkCopy.type !== 'branch.engagement') throw new Error('copy of the check');
    expect(checkCopy.data.sendNodeId).toBe(emailCopy.id);
    expect(graph.edges).toContainEqual(expect.objectContaining({ source: emailCopy.id, sourceHandle: 'next', target: checkCopy.id }));
    expect(graph.edges.filter((edge) => edge.source === checkCopy.id)).toEqual([]);
  });

  it('drops connections of out-handles an edit removed (a deleted quick reply)', () => {
    const store = createEditorStore(omnichannel());
    const whatsapp = node(store.getState().graph, 'whatsapp');
    if (whatsapp.type !== 'send.whatsapp') throw new Error('whatsapp');
    const withReplies = { ...whatsapp, data: { ...whatsapp.data, quickReplies: [{ id: 'yes', text: 'Yes' }, { id: 'no', text: 'No' }], replyWindow: '1d' } };
    store.getState().updateNode(withReplies);
    expect(store.getState().graph.edges.some((edge) => edge.source === 'whatsapp')).toBe(false);
    store.getState().connect({ source: 'whatsapp', sourceHandle: 'reply:yes', target: 'exit-whatsapp' });
    store.getState().connect({ source: 'whatsapp', sourceHandle: 'reply:no', target: 'exit-email' });
    store.getState().updateNode({ ...withReplies, data: { ...withReplies.data, quickReplies: [{ id: 'yes', text: 'Yes' }] } });
    const handles = store.getState().graph.edges.filter((edge) => edge.source === 'whatsapp').map((edge) => edge.sourceHandle);
    expect(handles).toEqual(['reply:yes']);
    expect(outHandles(node(store.getState().graph, 'whatsapp'))).toEqual(['reply:yes', 'no_reply']);
  });

  it('lays out left to right', () => {
    const store = createEditorStore(omnichannel());
    store.getState().layout();
    const graph = store.getState().graph;
    for (const edge of graph.edges) expect(node(graph, edge.target).position.x).toBeGreaterThan(node(graph, edge.source).position.x);
    expect(node(graph, 'exit-push').position.y).toBeLessThan(node(graph, 'email').position.y);
    store.getState().undo();
    expect(store.getState().graph).toEqual(omnichannel());
  });

  it('replaces the whole graph as one undoable edit (not a load): selection cleared, view fitted', () => {
    const store = createEditorStore(omnichannel());
    store.getState().select(['push']);
    const editsBefore = store.getState().editVersion;
    const other = graphOf(node(omnichannel(), 'exit-push'));
    store.getState().replaceGraph(other);
    expect(store.getState().graph).toBe(other);
    expect(store.getState().selectedNodeIds).toEqual([]);
    expect(store.getState().viewRequest?.kind).toBe('fit');
    // An edit, so autosave sees it.
    expect(store.getState().editVersion).toBe(editsBefore + 1);
    store.getState().undo();
    expect(store.getState().graph).toEqual(omnichannel());
    store.getState().redo();
    expect(store.getState().graph).toBe(other);
  });

  it('changes nothing when read-only', () => {
    const store = createEditorStore(omnichannel(), { readOnly: true });
    const before = store.getState().graph;
    store.getState().select(['push']);
    store.getState().deleteSelection();
    store.getState().addNodeOfType('exit', { x: 0, y: 0 });
    store.getState().applyNodeChanges([{ type: 'position', id: 'push', position: { x: 5, y: 5 }, dragging: true }]);
    store.getState().layout();
    store.getState().replaceGraph(graphOf());
    expect(store.getState().graph).toBe(before);
    expect(store.getState().history.past).toEqual([]);
  });
});
