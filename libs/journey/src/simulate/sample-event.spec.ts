import { omnichannelFallbackJourney } from '../examples/omnichannel-fallback';
import { sampleAttributes, sampleEntryEvent } from './sample-event';

describe('sample events', () => {
  it('proposes the entry event with attributes that pass its filter', () => {
    expect(sampleEntryEvent(omnichannelFallbackJourney)).toEqual({ name: 'PW_WhatsAppReceived', attributes: { text: 'promo' } });
  });

  it('fills what simple filters ask for and skips regexes and profile fields', () => {
    expect(
      sampleAttributes({
        and: [
          { field: 'event.amount', op: 'gte', value: 50 },
          { field: 'event.text', op: 'matches', value: '/^yes$/i' },
          { field: 'tags.plan', op: 'eq', value: 'pro' },
          { or: [{ field: 'event.sku', op: 'in', value: ['a1', 'b2'] }, { field: 'event.other', op: 'exists' }] },
        ],
      }),
    ).toEqual({ amount: 50, sku: 'a1' });
  });
});
