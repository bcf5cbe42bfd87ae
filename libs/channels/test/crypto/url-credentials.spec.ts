import { isCredentialQueryKey, maskUrlCredentials, restoreMaskedUrlCredentials } from '../../src';

const SENDGRID_KEY = 'SG.abcdefghijklmnopqrstuvwxyz0123456789';

describe('maskUrlCredentials', () => {
  it('masks a token used as the user name', () => {
    const masked = maskUrlCredentials(`smtp://${SENDGRID_KEY}@smtp.sendgrid.net:587`);
    expect(masked).toBe('smtp://SG.a…789@smtp.sendgrid.net:587');
    expect(masked).not.toContain('abcdefghij');
  });

  it('masks a token used as both user name and password', () => {
    const masked = maskUrlCredentials(`smtps://${SENDGRID_KEY}:${SENDGRID_KEY}@smtp.example.com:465`);
    expect(masked).toBe('smtps://SG.a…789:SG.a…789@smtp.example.com:465');
  });

  it('masks a user name and password', () => {
    expect(maskUrlCredentials('smtp://mailer:smtp-pass-word-xyz-987@smtp.example.com:587')).toBe('smtp://ma…:smtp…987@smtp.example.com:587');
    expect(maskUrlCredentials('https://user:password@sms.example.com/send')).toBe('https://…:pa…@sms.example.com/send');
  });

  it('masks credential query values and keeps the others', () => {
    expect(maskUrlCredentials('smtp://mailer@smtp.example.com:587?pass=hunter2-and-more&pool=true')).toBe('smtp://ma…@smtp.example.com:587?pass=hun…re&pool=true');
    expect(maskUrlCredentials('https://sms.example.com/send?apikey=0123456789abcdef&from=Shop')).toBe('https://sms.example.com/send?apikey=012…ef&from=Shop');
    const many = maskUrlCredentials('https://gw.example.com/?key=aaaaaaaaaaaa1&token=bbbbbbbbbbbb2&access_token=cccccccccccc3&auth=dddddddddddd4&password=eeeeeeeeeeee5&secret=ffffffffffff6&to=x');
    for (const letter of 'abcdef') expect(many).not.toContain(letter.repeat(5));
    expect(many).toContain('to=x');
  });

  it('leaves a URL without credentials as it is, and masks whole what does not parse', () => {
    expect(maskUrlCredentials('smtp://relay.example.com:25')).toBe('smtp://relay.example.com:25');
    expect(maskUrlCredentials('https://sms.example.com/send?to=%2B49&x=1')).toBe('https://sms.example.com/send?to=%2B49&x=1');
    expect(maskUrlCredentials('not a url secret-value-123')).toBe('not …123');
  });

  it('names credential query keys whatever their case or separators', () => {
    for (const key of ['apikey', 'apiKey', 'api_key', 'X-Api-Key', 'key', 'token', 'access_token', 'auth', 'pass', 'password', 'pwd', 'secret', 'client_secret', 'sig']) {
      expect(isCredentialQueryKey(key)).toBe(true);
    }
    for (const key of ['to', 'from', 'text', 'pool', 'channel', 'user']) expect(isCredentialQueryKey(key)).toBe(false);
  });
});

describe('restoreMaskedUrlCredentials', () => {
  const stored = `https://gw:pa55-word-long@sms.example.com/send?apikey=${SENDGRID_KEY}&from=Shop`;

  it('takes masked parts from the stored URL', () => {
    const masked = maskUrlCredentials(stored);
    expect(restoreMaskedUrlCredentials(masked, stored)).toEqual({ url: stored });
    // The path and other parameters edited, the credentials kept.
    expect(restoreMaskedUrlCredentials(masked.replace('/send', '/v2/send').replace('from=Shop', 'from=Acme'), stored)).toEqual({
      url: `https://gw:pa55-word-long@sms.example.com/v2/send?apikey=${encodeURIComponent(SENDGRID_KEY)}&from=Acme`,
    });
  });

  it('keeps what the client gave in full', () => {
    expect(restoreMaskedUrlCredentials('https://other:new-password@sms.example.com/send?apikey=new-key', stored)).toEqual({
      url: 'https://other:new-password@sms.example.com/send?apikey=new-key',
    });
  });

  it('refuses a masked credential for another host, or a mask that is not the stored one', () => {
    const moved = restoreMaskedUrlCredentials(maskUrlCredentials(stored).replace('sms.example.com', 'evil.example.net'), stored);
    expect(moved).toEqual({ problem: expect.stringContaining('only kept for the same host (sms.example.com)') });
    expect(restoreMaskedUrlCredentials('https://gw:zz…q@sms.example.com/send', stored)).toEqual({ problem: expect.stringContaining('password is masked') });
  });
});
