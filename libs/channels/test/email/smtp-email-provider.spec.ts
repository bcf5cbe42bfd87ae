import { type AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { buildMessageTracking, FinalSendError, RetryableSendError, SmtpEmailProvider, verifyTrackingToken } from '../../src';
import { type HostLookup } from '../../src/net/public-address-lookup';
import { findPart, parseMime } from '../support/mime-message';
import { outgoingMessage } from '../support/outgoing-message';
import { REBIND_TEST_CERT, REBIND_TEST_HOST, REBIND_TEST_KEY } from '../support/rebind-test-certificate';

class SmtpReply extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

interface Received {
  from: string;
  to: string[];
  raw: string;
}

describe('SmtpEmailProvider', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address: SMTPServerAddress, _session, callback) {
        if (address.address.startsWith('busy@')) return callback(new SmtpReply(452, 'Mailbox busy, try later'));
        if (address.address.startsWith('nobody@')) return callback(new SmtpReply(550, 'No such user here'));
        return callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const mailFrom = session.envelope.mailFrom;
          received.push({ from: mailFrom ? mailFrom.address : '', to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => received.splice(0));

  const provider = (): SmtpEmailProvider =>
    new SmtpEmailProvider({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Acme News <news@acme.example>', replyTo: 'help@acme.example', timeoutMs: 3000, allowPrivateNetworks: true });

  const html = '<html><body><h1>Spring sale</h1><p>Hi Anna, see <a href="https://shop.acme.example/sale?x=1&amp;y=2">the sale</a>.</p><p><a href="{{unsubscribe_url}}">Unsubscribe</a></p></body></html>';
  const secret = 'tracking-secret-for-tests';

  it('sends subject, tracked HTML, a text part, List-Unsubscribe headers and a Message-ID from the idempotency key', async () => {
    const message = outgoingMessage({
      channel: 'email',
      content: { subject: 'Spring sale', html, preheader: 'Up to 50% off' },
      to: { email: 'anna@example.com' },
    });
    message.tracking = buildMessageTracking({ publicBaseUrl: 'https://journeys.acme.example/', secret, messageId: message.messageId, unsubscribeMailto: 'unsubscribe@acme.example' });
    const smtp = provider();
    const result = await smtp.send(message);
    await smtp.close();

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail.from).toBe('news@acme.example');
    expect(mail.to).toEqual(['anna@example.com']);
    const parsed = parseMime(mail.raw);
    expect(parsed.headers.get('subject')).toBe('Spring sale');
    expect(parsed.headers.get('from')).toBe('Acme News <news@acme.example>');
    expect(parsed.headers.get('reply-to')).toBe('help@acme.example');
    expect(parsed.headers.get('message-id')).toBe('<1f0e4f6a-4c47-4a59-9d9a-6a0f3b117d1c=3Asend_1=3A1@acme.example>');
    expect(result.providerMessageId).toBe('<1f0e4f6a-4c47-4a59-9d9a-6a0f3b117d1c=3Asend_1=3A1@acme.example>');

    const unsubscribeUrl = message.tracking.unsubscribeUrl!;
    expect(parsed.headers.get('list-unsubscribe')).toBe(`<${unsubscribeUrl}>, <mailto:unsubscribe@acme.example>`);
    expect(parsed.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    const htmlPart = findPart(parsed, 'text/html')!.body;
    const openToken = /src="https:\/\/journeys\.acme\.example\/t\/o\/([^"]+)"/.exec(htmlPart)?.[1];
    expect(verifyTrackingToken(openToken, secret)).toEqual({ kind: 'open', messageId: message.messageId });
    expect(htmlPart).toMatch(/<img src="[^"]+" width="1" height="1" alt="" [^>]*\/><\/body>/);
    const clickToken = /href="https:\/\/journeys\.acme\.example\/t\/c\/([^"]+)">the sale/.exec(htmlPart)?.[1];
    expect(verifyTrackingToken(clickToken, secret)).toEqual({ kind: 'click', messageId: message.messageId, url: 'https://shop.acme.example/sale?x=1&y=2' });
    expect(htmlPart).toContain(`<a href="${unsubscribeUrl}">Unsubscribe</a>`);
    expect(htmlPart).toContain('>Up to 50% off</div>');

    const textPart = findPart(parsed, 'text/plain')!.body;
    expect(textPart).toContain('Spring sale');
    expect(textPart).toContain('Hi Anna, see the sale (https://shop.acme.example/sale?x=1&y=2).');
    expect(textPart).toContain(`Unsubscribe (${unsubscribeUrl})`);
    expect(textPart).not.toContain('/t/o/');
  });

  it('sends untracked mail without List-Unsubscribe when the message has no tracking, honouring the node sender', async () => {
    await provider().send(
      outgoingMessage({ channel: 'email', content: { subject: 'Plain', html: '<p>Hi <a href="https://a.example">a</a></p>', from: 'deals@acme.example', fromName: 'Acme Deals' }, to: { email: 'bob@example.com' } }),
    );
    const parsed = parseMime(received[0].raw);
    expect(parsed.headers.get('from')).toBe('Acme Deals <deals@acme.example>');
    expect(parsed.headers.has('list-unsubscribe')).toBe(false);
    expect(findPart(parsed, 'text/html')!.body).toContain('<a href="https://a.example">a</a>');
  });

  it('retries on SMTP 4xx and gives up on 5xx', async () => {
    const busy = await provider()
      .send(outgoingMessage({ channel: 'email', content: { subject: 's', html: '<p>x</p>' }, to: { email: 'busy@example.com' } }))
      .catch((error: unknown) => error);
    expect(busy).toBeInstanceOf(RetryableSendError);
    expect((busy as RetryableSendError).code).toBe('452');
    const unknown = await provider()
      .send(outgoingMessage({ channel: 'email', content: { subject: 's', html: '<p>x</p>' }, to: { email: 'nobody@example.com' } }))
      .catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(FinalSendError);
    expect((unknown as FinalSendError).message).toContain('550');
  });

  it('retries when the server cannot be reached', async () => {
    const nowhere = new SmtpEmailProvider({ smtpUrl: 'smtp://127.0.0.1:1', from: 'a@acme.example', timeoutMs: 2000, allowPrivateNetworks: true });
    await expect(nowhere.send(outgoingMessage({ channel: 'email', content: { subject: 's', html: '<p>x</p>' }, to: { email: 'a@example.com' } }))).rejects.toThrow(RetryableSendError);
  });

  it('refuses an internal SMTP host unless private networks are allowed, and content without subject or body', async () => {
    const guarded = new SmtpEmailProvider({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'a@acme.example' });
    const message = outgoingMessage({ channel: 'email', content: { subject: 's', html: '<p>x</p>' }, to: { email: 'a@example.com' } });
    await expect(guarded.send(message)).rejects.toThrow(/internal address/);
    await expect(provider().send({ ...message, content: { html: '<p>x</p>' } })).rejects.toThrow(FinalSendError);
    await expect(provider().send({ ...message, to: {} })).rejects.toThrow(FinalSendError);
    expect(received).toHaveLength(0);
    expect(() => new SmtpEmailProvider({ smtpUrl: 'https://mail.example.com', from: 'a@b.c' })).toThrow(/smtp:\/\//);
  });
});

describe('SmtpEmailProvider against DNS rebinding', () => {
  const connections: Array<{ servername: string | false | null | undefined }> = [];
  const delivered: string[][] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    // Implicit TLS with a certificate for mail.rebind.test only: a connection made with another
    // server name fails the certificate check.
    server = new SMTPServer({
      secure: true,
      key: REBIND_TEST_KEY,
      cert: REBIND_TEST_CERT,
      authOptional: true,
      logger: false,
      onConnect(session, callback) {
        connections.push({ servername: undefined });
        callback();
      },
      onMailFrom(_address, session, callback) {
        connections[connections.length - 1].servername = session.servername;
        callback();
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          delivered.push(session.envelope.rcptTo.map((rcpt) => rcpt.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    connections.splice(0);
    delivered.splice(0);
  });

  /** A resolver whose n-th answer for the host is answers[n] (the last one repeats), counting its calls. */
  const resolver = (...answers: string[]): HostLookup & { calls: string[] } => {
    const calls: string[] = [];
    const lookup = (hostname: string) => {
      calls.push(hostname);
      const address = answers[Math.min(calls.length - 1, answers.length - 1)];
      return Promise.resolve([{ address, family: 4 }]);
    };
    return Object.assign(lookup, { calls });
  };
  const message = (email: string) => outgoingMessage({ channel: 'email', content: { subject: 's', html: '<p>x</p>' }, to: { email } });

  it('connects to the address it resolved and checked, with TLS for the URL\'s host name', async () => {
    // mail.rebind.test is in no DNS, and the resolver's second answer is an address nothing listens
    // on: the send only works if the connection goes to the first answer, the one checked.
    const lookup = resolver('127.0.0.1', '127.0.0.2');
    const smtp = new SmtpEmailProvider(
      { smtpUrl: `smtps://${REBIND_TEST_HOST}:${port}`, from: 'a@acme.example', timeoutMs: 3000, allowPrivateNetworks: true, extraCaCerts: REBIND_TEST_CERT },
      lookup,
    );
    await smtp.send(message('first@example.com'));
    expect(lookup.calls).toEqual([REBIND_TEST_HOST]);
    expect(delivered).toEqual([['first@example.com']]);
    expect(connections).toEqual([{ servername: REBIND_TEST_HOST }]);

    // The next send resolves again and connects where that answer says (nothing there: a retry).
    await expect(smtp.send(message('second@example.com'))).rejects.toThrow(RetryableSendError);
    expect(lookup.calls).toHaveLength(2);
    expect(delivered).toHaveLength(1);
  });

  it('refuses, before connecting, a name that answers an internal address, whatever the URL\'s query says', async () => {
    const lookup = resolver('127.0.0.1');
    const smtp = new SmtpEmailProvider(
      { smtpUrl: `smtps://${REBIND_TEST_HOST}:${port}?host=127.0.0.1&service=gmail`, from: 'a@acme.example', timeoutMs: 1000, extraCaCerts: REBIND_TEST_CERT },
      lookup,
    );
    const refused = await smtp.send(message('first@example.com')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FinalSendError);
    expect((refused as FinalSendError).message).toBe(`SMTP host ${REBIND_TEST_HOST} resolves to 127.0.0.1, an internal address`);
    expect(lookup.calls).toHaveLength(1);
    expect(connections).toHaveLength(0);
  });

  it('ignores query parameters that would move the connection (?host=, ?service=)', async () => {
    // Checked and pinned: 127.0.0.2, where nothing listens. Were ?host= honoured, it would reach the server on 127.0.0.1.
    const smtp = new SmtpEmailProvider(
      { smtpUrl: `smtps://${REBIND_TEST_HOST}:${port}?host=127.0.0.1&service=gmail`, from: 'a@acme.example', timeoutMs: 1000, allowPrivateNetworks: true, extraCaCerts: REBIND_TEST_CERT },
      resolver('127.0.0.2'),
    );
    await expect(smtp.send(message('first@example.com'))).rejects.toThrow(RetryableSendError);
    expect(connections).toHaveLength(0);
  });
});
