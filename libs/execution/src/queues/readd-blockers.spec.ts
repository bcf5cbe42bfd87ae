import { JOB_STATES, mustRemoveBeforeReAdd, STATES_THAT_BLOCK_A_READD } from './readd-blockers';

describe('mustRemoveBeforeReAdd', () => {
  it.each(['failed', 'completed'] as const)('removes a %s job: it would never run again and blocks the id', (state) => {
    expect(mustRemoveBeforeReAdd(state)).toBe(true);
  });

  it.each(['waiting', 'prioritized', 'delayed', 'active', 'waiting-children', 'unknown'] as const)('leaves a %s job (or no job) alone', (state) => {
    expect(mustRemoveBeforeReAdd(state)).toBe(false);
  });

  it('names the blocking states once each, out of every state BullMQ reports', () => {
    expect(STATES_THAT_BLOCK_A_READD).toEqual(['completed', 'failed']);
    expect(new Set(JOB_STATES).size).toBe(JOB_STATES.length);
  });
});
