import { minimalJourney } from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

describe('settings rules', () => {
  it('reports duplicate goal ids', () => {
    const graph = minimalJourney();
    graph.settings.goals = [
      { id: 'g', name: 'First', event: 'a', period: '1d', endsJourney: false },
      { id: 'g', name: 'Second', event: 'b', period: '1d', endsJourney: false },
    ];
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'duplicate-goal-id',
        message: 'Goal "Second": another goal already uses the id "g"; every goal needs its own id.',
        field: 'settings.goals[1].id',
      },
    ]);
  });

  it('reports re-entry after a cooldown without a cooldown', () => {
    const graph = minimalJourney();
    graph.settings.reentry = { mode: 'cooldown' };
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'reentry-cooldown-missing',
        message: 'Re-entry: users may re-enter after a cooldown, but no cooldown is set; set how long they must wait.',
        field: 'settings.reentry.cooldown',
      },
    ]);
  });

  it('reports a frequency cap and a throttle below 1', () => {
    const graph = minimalJourney();
    graph.settings.frequencyCap = { maxMessages: 0, period: '1d', channels: ['push'] };
    graph.settings.throttling = [
      { channel: 'email', limit: 5, per: '1m' },
      { channel: 'sms', limit: -1, per: '1m' },
    ];
    expect(validateJourney(graph).problems).toEqual([
      {
        severity: 'error',
        code: 'frequency-cap-invalid',
        message: 'Frequency capping: at most 0 messages would block every send; allow at least 1.',
        field: 'settings.frequencyCap.maxMessages',
      },
      {
        severity: 'error',
        code: 'throttle-limit-invalid',
        message: 'Throttling of sms: a limit of -1 would block every send; allow at least 1.',
        field: 'settings.throttling[1].limit',
      },
    ]);
  });
});
