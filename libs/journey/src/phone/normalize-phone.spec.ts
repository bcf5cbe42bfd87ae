import { isPhoneCountry, normalizePhone } from './normalize-phone';

describe('normalizePhone', () => {
  it('reads national numbers in the default country and keeps international ones', () => {
    expect(normalizePhone('0151 1234 5678', 'DE')).toEqual({ e164: '+4915112345678', country: 'DE', valid: true });
    expect(normalizePhone('+49 151 12345678', 'US')).toEqual({ e164: '+4915112345678', country: 'DE', valid: true });
    expect(normalizePhone('(415) 555-0100', 'US')).toEqual({ e164: '+14155550100', country: 'US', valid: true });
    expect(normalizePhone('+91 98765 43210')).toEqual({ e164: '+919876543210', country: 'IN', valid: true });
  });

  it('says when a text is not a phone number', () => {
    expect(normalizePhone('hello', 'DE')).toEqual({ problem: '"hello" is not a phone number' });
    expect(normalizePhone('0151 1234 5678')).toEqual({
      problem: '"0151 1234 5678" is not a phone number (without a default country it must start with + and the country code)',
    });
    expect(normalizePhone('  ')).toEqual({ problem: 'is empty' });
    expect(normalizePhone('+15550001111')).toEqual({ e164: '+15550001111', country: undefined, valid: false });
  });

  it('knows country codes', () => {
    expect(isPhoneCountry('DE')).toBe(true);
    expect(isPhoneCountry('de')).toBe(false);
    expect(isPhoneCountry('XX')).toBe(false);
  });
});
