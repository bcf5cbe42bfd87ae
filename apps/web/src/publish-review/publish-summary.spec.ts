import { describe, expect, it } from 'vitest';
import { omnichannel } from '../testing/journey-fixtures';
import { publishSummary } from './publish-summary';

describe('publish review', () => {
  it('says who enters, what is sent, the goals, silent hours and rules of the example journey', () => {
    expect(publishSummary(omnichannel())).toEqual({
      entries: ['When PW_WhatsAppReceived arrives where event.text matches "promo"'],
      messages: ['Push: 1 step', 'Email: 1 step', 'WhatsApp: 1 step'],
      goals: ['Purchase: Purchase within 7 d of entry, ends the journey'],
      silentHours: "Push, WhatsApp held 22:00–08:00 every day in the user's time zone (Europe/Berlin when unknown)",
      rules: ['A user enters again 7 d after their last entry'],
    });
  });

  it('says what is missing', () => {
    const graph = omnichannel();
    expect(publishSummary({ ...graph, nodes: [], settings: { goals: [], reentry: { mode: 'never' }, throttling: [{ channel: 'whatsapp', limit: 80, per: '1s' }] } })).toEqual({
      entries: [],
      messages: [],
      goals: [],
      silentHours: undefined,
      rules: ['A user enters once, ever', 'WhatsApp: at most 80 per 1 s'],
    });
  });
});
