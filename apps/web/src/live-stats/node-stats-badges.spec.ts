import { describe, expect, it } from 'vitest';
import { type NodeStats } from '../api/journey-types';
import { statCells } from './NodeStatsBadges';

const stats: NodeStats = {
  nodeId: 'push',
  type: 'send.push',
  now: 4,
  entered: 10,
  sent: 6,
  delivered: 5,
  opened: 2,
  clicked: 0,
  failed: 0,
  unknown: 0,
  suppressed: 0,
  conversions: 0,
  waitingToSend: 4,
  waitingForSilentHours: 3,
  waitingForRetry: 1,
  waitingInQueue: 0,
};

describe('node counters', () => {
  it('counts users held at a send step as waiting to send, with the reasons', () => {
    expect(statCells(stats, 'send.push')[0]).toEqual({
      key: 'waiting',
      label: 'waiting',
      value: 4,
      title: 'Users waiting for this message to go out (3 held by silent hours, 1 being retried after a provider error)',
    });
  });

  it('shows who is at the step when nobody waits to send', () => {
    expect(statCells({ ...stats, waitingToSend: 0, waitingForSilentHours: 0, waitingForRetry: 0 }, 'send.push')[0]).toMatchObject({ key: 'now', value: 4 });
  });

  it('tells failed messages apart from those whose send was cut off', () => {
    expect(statCells(stats, 'send.whatsapp')[3].title).toBe('Messages that failed');
    expect(statCells({ ...stats, failed: 1, unknown: 2 }, 'send.whatsapp')[3]).toMatchObject({
      value: 1,
      title: 'Messages that failed (and 2 more whose send was cut off, outcome unknown)',
    });
  });
});
