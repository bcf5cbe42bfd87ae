import { type FinishedStatus, type JobState } from 'bullmq';

/** Every state BullMQ can report for a job id; 'unknown' when the queue holds no job under it. */
export const JOB_STATES: ReadonlyArray<JobState | 'unknown'> = ['waiting', 'prioritized', 'delayed', 'active', 'waiting-children', 'completed', 'failed', 'unknown'];

/**
 * Whether a job already kept under an id stops BullMQ from adding a job with that id again, so that
 * it must be removed before its outbox row is queued anew. A finished job (failed after its last
 * attempt, or completed and still kept) never runs again, and BullMQ silently ignores an add under
 * its id. A job still waiting, delayed or running will do the work itself and is left alone.
 */
export function mustRemoveBeforeReAdd(state: JobState | 'unknown'): state is FinishedStatus {
  return state === 'failed' || state === 'completed';
}

/** The states whose jobs the sweeper removes before re-adding their ids. */
export const STATES_THAT_BLOCK_A_READD: FinishedStatus[] = JOB_STATES.filter(mustRemoveBeforeReAdd);
