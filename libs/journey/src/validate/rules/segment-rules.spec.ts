import { conditionNode, minimalJourney } from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

const SAVED = '0b6f2c1e-3c1d-4a52-9a0e-5d2f8c7b1a00';
const DELETED = '0b6f2c1e-3c1d-4a52-9a0e-5d2f8c7b1a01';

describe('segment rules', () => {
  function journeyWith(condition: object) {
    const graph = minimalJourney();
    const branch = conditionNode('check', { condition } as never);
    return { ...graph, nodes: [...graph.nodes, branch] };
  }

  it('warns about a reference to a segment the project does not have', () => {
    const problems = validateJourney(journeyWith({ or: [{ segment: SAVED }, { segment: DELETED }] }), { knownSegments: [SAVED] }).problems;
    expect(problems.filter((problem) => problem.code === 'unknown-segment')).toEqual([
      {
        severity: 'warning',
        code: 'unknown-segment',
        message: `Node "check" (Condition): the segment ${DELETED} does not exist (deleted?); nobody is in it until you choose another.`,
        nodeId: 'check',
        field: 'data.condition',
      },
    ]);
  });

  it('says nothing when the caller does not say which segments exist', () => {
    expect(validateJourney(journeyWith({ segment: DELETED })).problems.filter((problem) => problem.code === 'unknown-segment')).toEqual([]);
  });
});
