import { type JourneyEdge, type JourneyGraph, type JourneyNode, type NodeDataByType } from '../format/journey-graph';
import { type NodeType } from '../format/node-types';
import { compileJourney, journeyGraphHash } from './compile-journey';

function node<T extends NodeType>(id: string, type: T, data: NodeDataByType[T], label?: string): JourneyNode {
  return { id, type, data, position: { x: 0, y: 0 }, ...(label === undefined ? {} : { label }) } as JourneyNode;
}

function graph(nodes: JourneyNode[], edges: Array<[string, string, string]>, goals: JourneyGraph['settings']['goals'] = []): JourneyGraph {
  return {
    formatVersion: 1,
    nodes,
    edges: edges.map(([source, sourceHandle, target]): JourneyEdge => ({ id: `${source}-${sourceHandle}`, source, sourceHandle, target })),
    settings: { goals, reentry: { mode: 'afterExit' }, throttling: [] },
  };
}

const simple = () =>
  graph(
    [
      node('in', 'entry.api', {}),
      node('push', 'send.push', { title: 'Hi', body: 'There' }, 'Welcome push'),
      node('end', 'exit', {}),
    ],
    [
      ['in', 'next', 'push'],
      ['push', 'next', 'end'],
    ],
  );

describe('compileJourney', () => {
  it('builds one state per node plus $start and $goal_reached', () => {
    const compiled = compileJourney(simple(), { id: 'welcome' });
    expect(compiled.machine.id).toBe('welcome');
    expect(Object.keys(compiled.machine.root.states)).toEqual(['$start', 'in', 'push', 'end', '$goal_reached']);
    expect(compiled.machine.root.states.end.type).toBe('final');
    expect(compiled.machine.root.states.$goal_reached.type).toBe('final');
    expect(compiled.graph).toEqual(simple());
  });

  it('names the node whose exit is not connected', () => {
    const broken = simple();
    broken.edges = broken.edges.filter((edge) => edge.source !== 'push');
    expect(() => compileJourney(broken)).toThrow('The send.push node "Welcome push" (push) has nothing connected to its "next" exit.');
  });

  it('rejects two connections from one exit', () => {
    const broken = simple();
    broken.edges.push({ id: 'again', source: 'push', sourceHandle: 'next', target: 'in' });
    expect(() => compileJourney(broken)).toThrow('The send.push node "Welcome push" (push) has two connections from its "next" exit; keep one.');
  });

  it('rejects connections to missing nodes and from missing exits', () => {
    const missingTarget = simple();
    missingTarget.edges[1] = { id: 'x', source: 'push', sourceHandle: 'next', target: 'nowhere' };
    expect(() => compileJourney(missingTarget)).toThrow(
      'A connection from the send.push node "Welcome push" (push) leads to a node that does not exist ("nowhere").',
    );
    const wrongHandle = simple();
    wrongHandle.edges[1] = { id: 'x', source: 'push', sourceHandle: 'yes', target: 'end' };
    expect(() => compileJourney(wrongHandle)).toThrow('The send.push node "Welcome push" (push) has no "yes" exit, yet a connection starts there.');
  });

  it('rejects node ids the machine reserves or cannot address', () => {
    for (const id of ['$start', '$goal_reached', 'a.b', 'a#b']) {
      const renamed = graph([node(id, 'entry.api', {}), node('end', 'exit', {})], [[id, 'next', 'end']]);
      expect(() => compileJourney(renamed)).toThrow(`The id of the entry.api node "${id}" cannot be used`);
    }
  });

  it('rejects duplicate node ids and a journey without entry', () => {
    expect(() => compileJourney(graph([node('end', 'exit', {}), node('end', 'exit', {})], []))).toThrow(
      'Two nodes have the id "end"; every node needs its own id.',
    );
    expect(() => compileJourney(graph([node('end', 'exit', {})], []))).toThrow('The journey has no entry node, so no one can ever enter it.');
  });

  it('rejects a loop without a wait, naming its nodes', () => {
    const looping = graph(
      [
        node('in', 'entry.api', {}),
        node('a', 'update.tags', { operations: [] }, 'Tag'),
        node('b', 'branch.condition', { condition: { field: 'tags.x', op: 'exists' } }, 'Has x?'),
        node('end', 'exit', {}),
      ],
      [
        ['in', 'next', 'a'],
        ['a', 'next', 'b'],
        ['b', 'yes', 'a'],
        ['b', 'no', 'end'],
      ],
    );
    expect(() => compileJourney(looping)).toThrow('The journey loops ("Tag" -> "Has x?" -> "Tag") without waiting anywhere; add a Wait node to the loop.');
  });

  it('accepts a loop through a wait', () => {
    const looping = graph(
      [node('in', 'entry.api', {}), node('a', 'update.tags', { operations: [] }), node('w', 'wait.delay', { mode: 'duration', duration: '1d' })],
      [
        ['in', 'next', 'a'],
        ['a', 'next', 'w'],
        ['w', 'next', 'a'],
      ],
    );
    expect(() => compileJourney(looping)).not.toThrow();
  });

  it('rejects reserved event names, bad durations and engagement checks of non-send nodes', () => {
    const reserved = graph([node('in', 'entry.event', { event: 'journey.timer' }), node('end', 'exit', {})], [['in', 'next', 'end']]);
    expect(() => compileJourney(reserved)).toThrow('The entry.event node "in" uses the event name "journey.timer", which is empty or reserved');
    const wildcard = graph([node('in', 'entry.event', { event: 'order.*' }), node('end', 'exit', {})], [['in', 'next', 'end']]);
    expect(() => compileJourney(wildcard)).toThrow('uses the event name "order.*"');

    const badTimeout = graph(
      [node('in', 'entry.api', {}), node('w', 'wait.event', { branches: [], timeout: 'soon' }), node('end', 'exit', {})],
      [
        ['in', 'next', 'w'],
        ['w', 'timeout', 'end'],
      ],
    );
    expect(() => compileJourney(badTimeout)).toThrow('The timeout of the wait.event node "w" ("soon") is not a duration such as 30m, 4h or 2d.');

    const notSend = graph(
      [node('in', 'entry.api', {}), node('e', 'branch.engagement', { sendNodeId: 'in', metric: 'opened', window: '1h' }), node('end', 'exit', {})],
      [
        ['in', 'next', 'e'],
        ['e', 'yes', 'end'],
        ['e', 'no', 'end'],
      ],
    );
    expect(() => compileJourney(notSend)).toThrow('The branch.engagement node "e" looks at "in", which is not a send node of this journey.');

    const badGoal = graph([node('in', 'entry.api', {}), node('end', 'exit', {})], [['in', 'next', 'end']], [
      { id: 'g', name: 'Buy', event: 'Purchase', period: 'a week', endsJourney: false },
    ]);
    expect(() => compileJourney(badGoal)).toThrow('The conversion period of the goal "Buy" ("a week") is not a duration such as 30m, 4h or 2d.');
  });

  it('lists what each state listens to', () => {
    const withGoal = graph(
      [
        node('in', 'entry.event', { event: 'Signup' }),
        node('w', 'wait.event', { branches: [{ id: 'paid', events: [{ event: 'Paid' }, { event: 'Upgraded' }] }], timeout: '1d' }),
        node('end', 'exit', {}),
      ],
      [
        ['in', 'next', 'w'],
        ['w', 'paid', 'end'],
        ['w', 'timeout', 'end'],
      ],
      [{ id: 'g', event: 'Purchase', period: '7d', endsJourney: true }],
    );
    const compiled = compileJourney(withGoal);
    expect(compiled.listens).toEqual({
      $start: ['Signup'],
      in: [],
      w: ['Paid', 'Upgraded', 'Purchase'],
      end: [],
      $goal_reached: [],
    });
  });
});

describe('journeyGraphHash', () => {
  it('is stable, ignores key order and changes with the content', () => {
    const first = simple();
    const reordered = JSON.parse(JSON.stringify(first), (_key, value: unknown) =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).reverse())
        : value,
    ) as JourneyGraph;
    expect(Object.keys(reordered)).toEqual(['settings', 'edges', 'nodes', 'formatVersion']);
    expect(journeyGraphHash(reordered)).toBe(journeyGraphHash(first));
    expect(journeyGraphHash(first)).toMatch(/^[0-9a-f]{16}$/);
    expect(compileJourney(first).hash).toBe(journeyGraphHash(first));

    const changed = simple();
    (changed.nodes[1].data as { title: string }).title = 'Hello';
    expect(journeyGraphHash(changed)).not.toBe(journeyGraphHash(first));
  });
});
