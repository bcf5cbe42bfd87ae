import { minimalJourney, whatsAppNode } from '../../testing/graph-builder';
import { checkStructure } from './check-structure';

type JsonObject = Record<string, unknown>;
interface LooseJourney extends JsonObject {
  nodes: unknown[];
  edges: unknown[];
  settings: JsonObject;
}

/** The minimal journey as plain JSON, free to break. */
function journeyJson(): LooseJourney {
  return JSON.parse(JSON.stringify(minimalJourney())) as LooseJourney;
}

function nodeAt(graph: LooseJourney, index: number): JsonObject {
  return graph.nodes[index] as JsonObject;
}

function dataAt(graph: LooseJourney, index: number): JsonObject {
  return nodeAt(graph, index).data as JsonObject;
}

describe('checkStructure', () => {
  it('finds nothing wrong with a valid journey and trusts all of it', () => {
    const report = checkStructure(minimalJourney());
    expect(report.problems).toEqual([]);
    expect(report.fatal).toBe(false);
    expect([...report.nodesWithValidData]).toEqual([0, 1, 2]);
    expect([...report.wellFormedSettings]).toEqual(['goals', 'reentry', 'silentHours', 'frequencyCap', 'throttling']);
  });

  it('maps a wrongly typed field to its node, with a field path and the node named', () => {
    const graph = journeyJson();
    dataAt(graph, 1).title = 42;
    const report = checkStructure(graph);
    expect(report.problems).toEqual([
      {
        severity: 'error',
        code: 'invalid-node',
        message: 'Node "push" (Send push): title must be a string',
        nodeId: 'push',
        field: 'data.title',
      },
    ]);
    expect([...report.nodesWithValidData]).toEqual([0, 2]);
  });

  it('reports unknown, missing and null fields, nested paths and bad ids', () => {
    const graph = journeyJson();
    nodeAt(graph, 1).label = 'Welcome';
    nodeAt(graph, 1).data = { title: 'Hi', colour: 'red', link: null };
    nodeAt(graph, 2).id = 'the end';
    (graph.edges[1] as JsonObject).target = 'the end';
    graph.nodes.push({ ...whatsAppNode('wa'), data: { mode: 'template', template: { name: 'x', language: 'en', bodyParameters: [1] }, quickReplies: [{ id: 'ok', text: 'OK' }, 'no'] } });
    expect(checkStructure(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'invalid-node',
        message: 'Node "the end" (Exit): id may only contain letters, digits, _ and - (1 to 64 characters)',
        nodeId: 'the end',
        field: 'id',
      },
      {
        severity: 'error',
        code: 'unknown-field',
        message: 'Node "Welcome" (Send push): colour is not a known field',
        nodeId: 'push',
        field: 'data.colour',
      },
      {
        severity: 'error',
        code: 'invalid-node',
        message: 'Node "Welcome" (Send push): body is required',
        nodeId: 'push',
        field: 'data.body',
      },
      {
        severity: 'error',
        code: 'invalid-node',
        message: 'Node "Welcome" (Send push): link must be a string',
        nodeId: 'push',
        field: 'data.link',
      },
      {
        severity: 'error',
        code: 'invalid-node',
        message: 'Node "wa" (Send WhatsApp): each value in template.bodyParameters must be a string',
        nodeId: 'wa',
        field: 'data.template.bodyParameters',
      },
      {
        severity: 'error',
        code: 'invalid-node',
        message: 'Node "wa" (Send WhatsApp): quickReplies[1] must be an object',
        nodeId: 'wa',
        field: 'data.quickReplies[1]',
      },
    ]);
  });

  it('reports every problem of a condition with its path', () => {
    const graph = journeyJson();
    dataAt(graph, 0).where = { and: [{ field: 'event.plan', op: 'is', value: 'pro' }, { or: 'x' }] };
    expect(checkStructure(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'invalid-node',
        message: 'Node "start" (Entry on event): where.and[0].op must be one of eq, neq, gt, gte, lt, lte, contains, matches, exists, in',
        nodeId: 'start',
        field: 'data.where',
      },
      {
        severity: 'error',
        code: 'invalid-node',
        message: 'Node "start" (Entry on event): where.and[1].or must be a list of conditions',
        nodeId: 'start',
        field: 'data.where',
      },
    ]);
  });

  it('checks wait.delay data with the DTO of its mode', () => {
    const graph = journeyJson();
    graph.nodes[1] = { id: 'wait', type: 'wait.delay', position: { x: 0, y: 0 }, data: { mode: 'timeOfDay', time: '09:00', duration: '1h' } };
    graph.nodes.push({ id: 'odd', type: 'wait.delay', position: { x: 0, y: 0 }, data: { mode: 'weekly', duration: 5 } });
    expect(checkStructure(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'unknown-field',
        message: 'Node "wait" (Wait): duration is not a known field',
        nodeId: 'wait',
        field: 'data.duration',
      },
      {
        severity: 'error',
        code: 'invalid-node',
        message: 'Node "odd" (Wait): mode must be one of duration, timeOfDay, date',
        nodeId: 'odd',
        field: 'data.mode',
      },
      {
        severity: 'error',
        code: 'invalid-node',
        message: 'Node "odd" (Wait): duration must be a string',
        nodeId: 'odd',
        field: 'data.duration',
      },
    ]);
  });

  it('reports data of exits and API entries, which have no fields', () => {
    const graph = journeyJson();
    nodeAt(graph, 2).data = { reason: 'done' };
    expect(checkStructure(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'unknown-field',
        message: 'Node "done" (Exit): reason is not a known field',
        nodeId: 'done',
        field: 'data.reason',
      },
    ]);
  });

  it('names nodes and connections without an id by their position', () => {
    const graph = journeyJson();
    graph.nodes.push(7, { type: 'exit', data: {}, position: { x: 0, y: 0 } });
    graph.edges.push(null, { id: 'e9', source: 'push', sourceHandle: 1, target: 'done', colour: 'red' });
    expect(checkStructure(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'invalid-node',
        message: 'The node at position 4 must be an object with id, type, data and position',
        field: 'nodes[3]',
      },
      {
        severity: 'error',
        code: 'invalid-node',
        message: 'The node at position 5: id is required',
        field: 'nodes[4].id',
      },
      {
        severity: 'error',
        code: 'invalid-edge',
        message: 'The connection at position 3 must be an object with id, source, sourceHandle and target',
        field: 'edges[2]',
      },
      {
        severity: 'error',
        code: 'unknown-field',
        message: 'Connection "e9": colour is not a known field',
        edgeId: 'e9',
        field: 'colour',
      },
      {
        severity: 'error',
        code: 'invalid-edge',
        message: 'Connection "e9": sourceHandle must be a string',
        edgeId: 'e9',
        field: 'sourceHandle',
      },
    ]);
  });

  it('reports the journey envelope and marks broken settings sections as untrusted', () => {
    const graph = journeyJson();
    graph.formatVersion = 2;
    graph.name = 'Welcome';
    graph.settings.goals = 'none';
    graph.settings.reentry = { mode: 'sometimes' };
    const report = checkStructure(graph);
    expect(report.problems).toEqual([
      { severity: 'error', code: 'unknown-field', message: 'The journey: name is not a known field', field: 'name' },
      { severity: 'error', code: 'invalid-graph', message: 'The journey: formatVersion must be 1', field: 'formatVersion' },
      { severity: 'error', code: 'invalid-settings', message: 'Journey settings: goals must be an array', field: 'settings.goals' },
      {
        severity: 'error',
        code: 'invalid-settings',
        message: 'Journey settings: reentry.mode must be one of never, afterExit, always, cooldown',
        field: 'settings.reentry.mode',
      },
    ]);
    expect(report.fatal).toBe(false);
    expect([...report.wellFormedSettings]).toEqual(['silentHours', 'frequencyCap', 'throttling']);
  });

  it('is fatal when nodes or edges are not arrays', () => {
    const report = checkStructure({ ...journeyJson(), edges: {} });
    expect(report.fatal).toBe(true);
    expect(report.problems).toEqual([{ severity: 'error', code: 'invalid-graph', message: 'The journey: edges must be an array', field: 'edges' }]);
  });

  it('is fatal for input that JSON cannot produce', () => {
    const graph = journeyJson();
    dataAt(graph, 1).self = dataAt(graph, 1);
    expect(checkStructure(graph)).toEqual({
      problems: [
        {
          severity: 'error',
          code: 'invalid-graph',
          message: 'The journey is not plain JSON: nodes[1].data.self contains itself.',
          field: 'nodes[1].data.self',
        },
      ],
      fatal: true,
      nodesWithValidData: new Set(),
      wellFormedSettings: new Set(),
    });
  });
});
