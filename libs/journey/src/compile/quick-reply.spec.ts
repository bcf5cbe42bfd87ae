import { matchesQuickReply } from './quick-reply';

describe('matchesQuickReply', () => {
  const yes = { id: 'yes', text: ' Yes ' };

  it('matches the text or the button payload ignoring case and surrounding spaces', () => {
    expect(matchesQuickReply(yes, { text: 'yes' })).toBe(true);
    expect(matchesQuickReply(yes, { text: '  YES\n' })).toBe(true);
    expect(matchesQuickReply(yes, { text: 'something', buttonPayload: 'yEs' })).toBe(true);
  });

  it('does not match other words, partial text or non-strings', () => {
    expect(matchesQuickReply(yes, { text: 'yes please' })).toBe(false);
    expect(matchesQuickReply(yes, { text: 'no' })).toBe(false);
    expect(matchesQuickReply(yes, { text: 1 })).toBe(false);
    expect(matchesQuickReply(yes, {})).toBe(false);
    expect(matchesQuickReply({ id: 'blank', text: '  ' }, { text: '' })).toBe(false);
  });
});
