import { BUILT_IN_EVENTS } from '../format/built-in-events';
import { knownEventsFromReceived } from './known-events';

describe('knownEventsFromReceived', () => {
  it('is undefined for a project that has received nothing (no unknown-event warnings yet)', () => {
    expect(knownEventsFromReceived([])).toBeUndefined();
  });

  it('is the received names plus the built-in ones', () => {
    expect(knownEventsFromReceived(['Purchase'])).toEqual(['Purchase', ...BUILT_IN_EVENTS]);
  });
});
