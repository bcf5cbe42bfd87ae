import { buildWhatsAppRequestBody, FinalSendError } from '../../src';

describe('buildWhatsAppRequestBody', () => {
  it('builds a template message with header, body and quick-reply button components', () => {
    const body = buildWhatsAppRequestBody(
      {
        mode: 'template',
        template: {
          name: 'order_update',
          language: 'en_US',
          headerParameters: ['Anna'],
          bodyParameters: ['#1042', 'tomorrow'],
          buttonPayloads: ['CONFIRM', 'CANCEL'],
        },
      },
      '+49 151 2345-6789',
    );
    expect(JSON.stringify(body)).toBe(
      JSON.stringify({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '4915123456789',
        type: 'template',
        template: {
          name: 'order_update',
          language: { code: 'en_US' },
          components: [
            { type: 'header', parameters: [{ type: 'text', text: 'Anna' }] },
            { type: 'body', parameters: [{ type: 'text', text: '#1042' }, { type: 'text', text: 'tomorrow' }] },
            { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'CONFIRM' }] },
            { type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'CANCEL' }] },
          ],
        },
      }),
    );
  });

  it('omits empty components, and the components list when there is none', () => {
    expect(buildWhatsAppRequestBody({ mode: 'template', template: { name: 'hello_world', language: 'en_US', headerParameters: [], bodyParameters: ['x'] } }, '+15551234567')).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '15551234567',
      type: 'template',
      template: { name: 'hello_world', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'x' }] }] },
    });
    expect(JSON.stringify(buildWhatsAppRequestBody({ mode: 'template', template: { name: 'hello_world', language: 'en_US' } }, '+15551234567'))).toBe(
      '{"messaging_product":"whatsapp","recipient_type":"individual","to":"15551234567","type":"template","template":{"name":"hello_world","language":{"code":"en_US"}}}',
    );
  });

  it('names each header and body value for a template with named parameters', () => {
    const body = buildWhatsAppRequestBody(
      { mode: 'template', template: { name: 'order_named', language: 'en_US', headerParameters: ['Anna'], bodyParameters: ['#1042', 'tomorrow'], buttonPayloads: ['OK'] } },
      '+4915123456789',
      { header: ['first_name'], body: ['order_id', 'delivery_day'] },
    );
    expect(JSON.stringify(body)).toBe(
      '{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915123456789","type":"template","template":{"name":"order_named","language":{"code":"en_US"},"components":[' +
        '{"type":"header","parameters":[{"type":"text","parameter_name":"first_name","text":"Anna"}]},' +
        '{"type":"body","parameters":[{"type":"text","parameter_name":"order_id","text":"#1042"},{"type":"text","parameter_name":"delivery_day","text":"tomorrow"}]},' +
        '{"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"OK"}]}]}}',
    );
  });

  it('keeps positional values of a part without names, and refuses named values that do not match the names', () => {
    const body = buildWhatsAppRequestBody({ mode: 'template', template: { name: 't', language: 'de', bodyParameters: ['x'] } }, '+4915123456789', { header: [], body: [] });
    expect(JSON.stringify(body.type === 'template' && body.template.components)).toBe('[{"type":"body","parameters":[{"type":"text","text":"x"}]}]');
    const content = { mode: 'template', template: { name: 't', language: 'de', bodyParameters: ['x'] } };
    expect(() => buildWhatsAppRequestBody(content, '+4915123456789', { header: [], body: ['first_name', 'code'] })).toThrow(
      "The WhatsApp template's body has the named parameters {{first_name}}, {{code}}, the node gives 1 value",
    );
    expect(() => buildWhatsAppRequestBody({ mode: 'template', template: { name: 't', language: 'de', bodyParameters: [' '] } }, '+4915123456789', { header: [], body: ['first_name'] })).toThrow(
      /body parameter \{\{first_name\}\} is empty/,
    );
  });

  it('sends a header image, video or document by link or media id, as the Cloud API takes them', () => {
    const header = (headerMedia: Record<string, unknown>) =>
      (buildWhatsAppRequestBody({ mode: 'template', template: { name: 'spring', language: 'en', headerMedia, bodyParameters: ['Ana'] } }, '+15551234567') as {
        template: { components: unknown[] };
      }).template.components;
    expect(header({ type: 'image', link: ' https://cdn.example.com/spring.jpg ' })).toEqual([
      { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/spring.jpg' } }] },
      { type: 'body', parameters: [{ type: 'text', text: 'Ana' }] },
    ]);
    expect(header({ type: 'video', id: '1013859600285441' })[0]).toEqual({ type: 'header', parameters: [{ type: 'video', video: { id: '1013859600285441' } }] });
    expect(header({ type: 'document', link: 'https://cdn.example.com/r.pdf', filename: 'Receipt 1042.pdf' })[0]).toEqual({
      type: 'header',
      parameters: [{ type: 'document', document: { link: 'https://cdn.example.com/r.pdf', filename: 'Receipt 1042.pdf' } }],
    });
  });

  it('refuses header media without exactly one of link and id, or of another kind, as final', () => {
    const build = (headerMedia: unknown) => () => buildWhatsAppRequestBody({ mode: 'template', template: { name: 'spring', language: 'en', headerMedia } }, '+15551234567');
    expect(build({ type: 'image' })).toThrow(new FinalSendError('The WhatsApp template header media needs a link or a media id (one of them)'));
    expect(build({ type: 'image', link: 'https://a.example/x.jpg', id: '1' })).toThrow(FinalSendError);
    expect(build({ type: 'audio', id: '1' })).toThrow('WhatsApp template header media of type "audio": image, video or document expected');
  });

  it('builds a text message without link preview', () => {
    expect(JSON.stringify(buildWhatsAppRequestBody({ mode: 'text', text: 'Your code is 1234' }, '+447700900123'))).toBe(
      '{"messaging_product":"whatsapp","recipient_type":"individual","to":"447700900123","type":"text","text":{"body":"Your code is 1234","preview_url":false}}',
    );
  });

  it('flattens newlines, tabs and long space runs in template parameters, which Meta refuses', () => {
    const body = buildWhatsAppRequestBody({ mode: 'template', template: { name: 't', language: 'de', bodyParameters: ['a\nb\tc        d'] } }, '+4915123456789');
    expect(body.type === 'template' && body.template.components?.[0]).toEqual({ type: 'body', parameters: [{ type: 'text', text: 'a b c    d' }] });
  });

  it.each([
    [{ mode: 'template', template: { name: 't', language: 'de', bodyParameters: ['ok', ''] } }, '+4915123456789', /body parameter \{\{2\}\} is empty/],
    [{ mode: 'template', template: { language: 'de' } }, '+4915123456789', /no name/],
    [{ mode: 'template', template: { name: 't' } }, '+4915123456789', /no language/],
    [{ mode: 'text', text: '  ' }, '+4915123456789', /empty/],
    [{ mode: 'text', text: 'x'.repeat(4097) }, '+4915123456789', /at most 4096/],
    [{ mode: 'voice' }, '+4915123456789', /Unknown WhatsApp send mode/],
    [{ mode: 'text', text: 'hi' }, 'not-a-number', /not a phone number/],
    [{ mode: 'text', text: 'hi' }, '+0123', /not a phone number/],
  ])('refuses content Meta would refuse: %j to %s', (content, to, message) => {
    expect(() => buildWhatsAppRequestBody(content, to)).toThrow(FinalSendError);
    expect(() => buildWhatsAppRequestBody(content, to)).toThrow(message);
  });
});
