import { whatsAppWorkerOptions } from './worker-options';

describe('whatsAppWorkerOptions', () => {
  it("limits WhatsApp sends to Meta's 80 per second by default", () => {
    expect(whatsAppWorkerOptions({}).limiter).toEqual({ max: 80, duration: 1000 });
  });

  it('takes the rate from WHATSAPP_MESSAGES_PER_SECOND', () => {
    expect(whatsAppWorkerOptions({ WHATSAPP_MESSAGES_PER_SECOND: '250' }).limiter).toEqual({ max: 250, duration: 1000 });
  });

  it('refuses a rate that is not a positive whole number', () => {
    expect(() => whatsAppWorkerOptions({ WHATSAPP_MESSAGES_PER_SECOND: '0' })).toThrow('WHATSAPP_MESSAGES_PER_SECOND must be a positive whole number, got "0"');
    expect(() => whatsAppWorkerOptions({ WHATSAPP_MESSAGES_PER_SECOND: 'fast' })).toThrow('got "fast"');
  });
});
