import fc from 'fast-check';
import { omnichannelFallbackJourney } from '../examples/omnichannel-fallback';
import { whatsappKeywordJourney } from '../examples/whatsapp-keywords';
import {
  buildGraph,
  chain,
  conditionNode,
  edge,
  entryEventNode,
  exitNode,
  fullJourney,
  minimalJourney,
  pushNode,
  splitNode,
} from '../testing/graph-builder';
import { type JourneyProblem } from './problem';
import { validateJourney } from './validate-journey';

describe('validateJourney', () => {
  it.each([
    ['the minimal journey', minimalJourney()],
    ['a journey using every node type and setting', fullJourney()],
    ['the same as parsed JSON', JSON.parse(JSON.stringify(fullJourney())) as unknown],
    ['the omnichannel fallback example', omnichannelFallbackJourney],
    ['the WhatsApp keyword example', whatsappKeywordJourney],
  ])('passes %s with zero problems', (_name, graph) => {
    expect(validateJourney(graph)).toEqual({ valid: true, problems: [] });
  });

  it('returns structural and graph problems together, ordered by node, then connection, then settings', () => {
    const graph = buildGraph(
      [
        entryEventNode('start', { event: 'PW_Signup' }),
        pushNode('push', { title: 5 as unknown as string }),
        conditionNode('vip'),
        splitNode('split', {
          variants: [
            { id: 'a', percent: 50 },
            { id: 'b', percent: 40 },
          ],
        }),
        exitNode('done'),
        exitNode('orphan'),
      ],
      [...chain('start', 'push', 'vip'), edge('vip', 'split', 'yes'), edge('split', 'done', 'a'), edge('split', 'done', 'b'), edge('done', 'ghost', 'next', 'bad')],
      {
        goals: [
          { id: 'g', event: 'purchase', period: '1d', endsJourney: false },
          { id: 'g', event: 'refund', period: '1d', endsJourney: false },
        ],
      },
    );
    const result = validateJourney(graph);
    expect(result.valid).toBe(false);
    expect(result.problems.map((problem) => [problem.severity, problem.code, problem.nodeId ?? problem.edgeId ?? problem.field])).toEqual([
      ['warning', 'unknown-built-in-event', 'start'],
      ['error', 'invalid-node', 'push'],
      ['error', 'unconnected-handle', 'vip'],
      ['error', 'split-percent-sum', 'split'],
      ['error', 'unknown-handle', 'done'],
      ['error', 'unreachable-node', 'orphan'],
      ['error', 'dangling-edge', 'bad'],
      ['error', 'duplicate-goal-id', 'settings.goals[1].id'],
    ]);
    expect(result.problems[1]).toEqual({
      severity: 'error',
      code: 'invalid-node',
      message: 'Node "push" (Send push): title must be a string',
      nodeId: 'push',
      field: 'data.title',
    });
  });

  it('is valid with warnings only', () => {
    const graph = minimalJourney();
    graph.nodes[0] = entryEventNode('start', { event: 'PW_Unknown' });
    const result = validateJourney(graph);
    expect(result.valid).toBe(true);
    expect(result.problems.map((problem) => problem.code)).toEqual(['unknown-built-in-event']);
  });

  describe('garbage input', () => {
    const notAJourney: JourneyProblem = {
      severity: 'error',
      code: 'invalid-graph',
      message: 'The journey must be an object with formatVersion, nodes, edges and settings.',
    };

    it.each([null, undefined, 'journey', 42, [], true])('reports %p as not a journey', (input) => {
      expect(validateJourney(input)).toEqual({ valid: false, problems: [notAJourney] });
    });

    it('reports an empty object field by field, and stops there', () => {
      expect(validateJourney({}).problems).toEqual([
        { severity: 'error', code: 'invalid-graph', message: 'The journey: formatVersion is required', field: 'formatVersion' },
        { severity: 'error', code: 'invalid-graph', message: 'The journey: nodes is required', field: 'nodes' },
        { severity: 'error', code: 'invalid-graph', message: 'The journey: edges is required', field: 'edges' },
        { severity: 'error', code: 'invalid-graph', message: 'The journey: settings is required', field: 'settings' },
      ]);
    });

    it('stops after structural problems when nodes is not an array', () => {
      const graph = { ...minimalJourney(), nodes: 'start, push, done' };
      expect(validateJourney(graph).problems).toEqual([
        { severity: 'error', code: 'invalid-graph', message: 'The journey: nodes must be an array', field: 'nodes' },
      ]);
    });

    it('reports node data null and still checks the rest of the graph', () => {
      const graph = minimalJourney();
      (graph.nodes[1] as { data: unknown }).data = null;
      graph.nodes.push(exitNode('orphan'));
      expect(validateJourney(graph).problems).toEqual([
        { severity: 'error', code: 'invalid-node', message: 'Node "push" (Send push): data must be an object', nodeId: 'push', field: 'data' },
        {
          severity: 'error',
          code: 'unreachable-node',
          message: 'Node "orphan" (Exit): no path from an entry leads here, so no user will ever reach this step.',
          nodeId: 'orphan',
        },
      ]);
    });

    it('reports an unknown node type, keeps its connections, and names it without a type', () => {
      const graph = minimalJourney();
      (graph.nodes[1] as { type: string }).type = 'send.fax';
      expect(validateJourney(graph).problems).toEqual([
        {
          severity: 'error',
          code: 'invalid-node',
          message:
            'Node "push": type must be one of entry.event, entry.segment, entry.api, send.push, send.email, send.whatsapp, send.sms, send.webhook, update.tags, wait.delay, wait.event, exit, branch.engagement, branch.condition, branch.split, branch.reachability',
          nodeId: 'push',
          field: 'type',
        },
      ]);
    });

    it('never throws, and every rule runs to the end, whatever the input', () => {
      fc.assert(
        fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, withBoxedValues: true }), (input) => {
          const result = validateJourney(input);
          expect(result.problems.length).toBeGreaterThan(0);
          expect(result.problems.filter((problem) => problem.code === 'validation-incomplete')).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });

    it('never throws on a valid journey with random parts replaced, removed or swapped', () => {
      const paths = pathsIn(fullJourney());
      const mutation = fc.record({
        at: fc.nat(paths.length - 1),
        kind: fc.constantFrom('replace', 'remove', 'swap'),
        value: fc.anything({ withNullPrototype: true, withSparseArray: true }),
        from: fc.nat(paths.length - 1),
      });
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
          const graph = fullJourney() as unknown as Record<string, unknown>;
          for (const { at, kind, value, from } of mutations) {
            const replacement = kind === 'swap' ? structuredClone(valueAt(fullJourney(), paths[from])) : value;
            mutate(graph, paths[at], kind === 'remove' ? undefined : { value: replacement });
          }
          const result = validateJourney(graph);
          expect(result.problems.filter((problem) => problem.code === 'validation-incomplete')).toEqual([]);
          expect(result.valid).toBe(result.problems.every((problem) => problem.severity === 'warning'));
          for (const problem of result.problems) expect(typeof problem.message).toBe('string');
          expect(validateJourney(graph)).toEqual(result);
        }),
        { numRuns: 150 },
      );
    });
  });
});

type Path = Array<string | number>;

function pathsIn(value: unknown, prefix: Path = []): Path[] {
  const found: Path[] = prefix.length > 0 ? [prefix] : [];
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) found.push(...pathsIn(item, [...prefix, Array.isArray(value) ? Number(key) : key]));
  }
  return found;
}

function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const key of path) current = typeof current === 'object' && current !== null ? (current as Record<string | number, unknown>)[key] : undefined;
  return current;
}

/** Set (or with `undefined`, delete) the value at `path`, when its parent still exists. */
function mutate(root: Record<string, unknown>, path: Path, replacement: { value: unknown } | undefined): void {
  const parent = valueAt(root, path.slice(0, -1));
  if (typeof parent !== 'object' || parent === null) return;
  const key = path[path.length - 1];
  const record = parent as Record<string | number, unknown>;
  if (replacement === undefined) delete record[key];
  else record[key] = replacement.value;
}
