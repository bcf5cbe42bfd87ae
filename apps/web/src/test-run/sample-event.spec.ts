import { describe, expect, it } from 'vitest';
import { omnichannel } from '../testing/journey-fixtures';
import { sampleAttributes, sampleEntryEvent } from './sample-event';

describe('test run sample event', () => {
  it('proposes the entry event with attributes that pass its filter', () => {
    expect(sampleEntryEvent(omnichannel())).toEqual({ name: 'PW_WhatsAppReceived', attributes: { text: 'promo' } });
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
