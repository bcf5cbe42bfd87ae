import { describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATED_USER, simulatedUserFacts } from './simulated-user';

describe('the simulated user', () => {
  it('combines the first name with the other tags and keeps the reachable channels', () => {
    const result = simulatedUserFacts({ ...DEFAULT_SIMULATED_USER, tagsJson: '{"plan": "pro"}', reachable: { push: false, email: true, whatsapp: false, sms: false } });
    expect(result).toEqual({
      user: { id: 'simulated-user', tags: { plan: 'pro', first_name: 'Ana' }, timeZone: 'UTC', reachable: { push: false, email: true, whatsapp: false, sms: false }, email: 'simulated@example.com' },
    });
  });

  it('says what is wrong with the tags', () => {
    expect(simulatedUserFacts({ ...DEFAULT_SIMULATED_USER, tagsJson: '[1]' })).toEqual({ error: 'Other tags must be a JSON object, e.g. {"plan": "pro"}.' });
    const broken = simulatedUserFacts({ ...DEFAULT_SIMULATED_USER, tagsJson: '{plan' });
    expect('error' in broken && broken.error.startsWith('Other tags are not valid JSON')).toBe(true);
  });
});
