import { describe, expect, it } from 'vitest';
import { type NodeStats } from '../api/journey-types';
import { omnichannel } from '../testing/journey-fixtures';
import { type JourneyProblem } from '../validation/journey-validator';
import { fromFlow } from './from-flow';
import { EDGE_TONE_COLOUR, pathSteps, toFlowEdges } from './to-flow-edges';
import { toFlowNodes } from './to-flow-nodes';

describe('graph <-> React Flow mapping', () => {
  it('maps every journey node to a flow node with its position, summary and no decorations', () => {
    const graph = omnichannel();
    const nodes = toFlowNodes(graph);
    expect(nodes.map((node) => node.id)).toEqual(graph.nodes.map((node) => node.id));
    const opened = nodes.find((node) => node.id === 'push-opened')!;
    expect(opened.type).toBe('journey');
    expect(opened.position).toEqual({ x: 500, y: 0 });
    expect(opened.data.summary).toBe('Push opened within 4 h?');
    expect(opened.data.problems).toEqual([]);
    expect(opened.selected).toBe(false);
    expect(opened.draggable).toBe(true);
    expect(opened.measured).toBeUndefined();
  });

  it('applies selection, measured sizes, problems, statistics, the test user and read-only', () => {
    const graph = omnichannel();
    const problem: JourneyProblem = { severity: 'error', code: 'x', message: 'broken', nodeId: 'email' };
    const stats: NodeStats = { nodeId: 'email', type: 'send.email', now: 3, entered: 10, sent: 9, delivered: 9, opened: 4, clicked: 1, failed: 0, unknown: 0, suppressed: 1, conversions: 2, waitingToSend: 0, waitingForSilentHours: 0, waitingForRetry: 0, waitingInQueue: 0 };
    const nodes = toFlowNodes(graph, {
      selectedNodeIds: new Set(['email']),
      measured: { email: { width: 224, height: 120 } },
      problemsByNode: new Map([['email', [problem]]]),
      statsByNode: new Map([['email', stats]]),
      testUserNodeId: 'email',
      readOnly: true,
    });
    const email = nodes.find((node) => node.id === 'email')!;
    expect(email.selected).toBe(true);
    expect(email.measured).toEqual({ width: 224, height: 120 });
    expect(email.data.problems).toEqual([problem]);
    expect(email.data.stats).toBe(stats);
    expect(email.data.testUserHere).toBe(true);
    expect(email.draggable).toBe(false);
    expect(email.connectable).toBe(false);
    expect(nodes.find((node) => node.id === 'push')!.data.testUserHere).toBe(false);
  });

  it('maps connections to edges from their out-handle, coloured by it', () => {
    const edges = toFlowEdges(omnichannel(), { selectedEdgeIds: new Set(['push-opened-no']) });
    const yes = edges.find((edge) => edge.id === 'push-opened-yes')!;
    const no = edges.find((edge) => edge.id === 'push-opened-no')!;
    expect(yes).toMatchObject({ source: 'push-opened', sourceHandle: 'yes', target: 'exit-push', type: 'journey', selected: false });
    expect(yes.data?.tone).toBe('yes');
    expect(yes.markerEnd).toMatchObject({ color: EDGE_TONE_COLOUR.yes });
    expect(no.selected).toBe(true);
    expect(no.data?.tone).toBe('no');
  });

  it('marks the nodes and connections a simulated user went through', () => {
    const path = ['entry', 'push', 'push-opened', 'email'];
    const nodes = toFlowNodes(omnichannel(), { pathNodeIds: new Set(path) });
    expect(nodes.filter((node) => node.data.onPath).map((node) => node.id)).toEqual(path);
    const edges = toFlowEdges(omnichannel(), { pathSteps: pathSteps(path) });
    expect(edges.filter((edge) => edge.data?.onPath).map((edge) => `${edge.source}>${edge.sourceHandle}`)).toEqual(['entry>next', 'push>next', 'push-opened>no']);
  });

  it('round-trips: fromFlow(toFlowNodes, toFlowEdges) gives the graph back', () => {
    const graph = omnichannel();
    const back = fromFlow(toFlowNodes(graph), toFlowEdges(graph), graph.settings);
    expect(back).toEqual(graph);
  });

  it('takes positions from the flow nodes (where the marketer dragged them)', () => {
    const graph = omnichannel();
    const nodes = toFlowNodes(graph).map((node) => (node.id === 'push' ? { ...node, position: { x: 260, y: 40 } } : node));
    const back = fromFlow(nodes, toFlowEdges(graph), graph.settings);
    expect(back.nodes.find((node) => node.id === 'push')!.position).toEqual({ x: 260, y: 40 });
    expect(graph.nodes.find((node) => node.id === 'push')!.position).toEqual({ x: 250, y: 0 });
  });
});
