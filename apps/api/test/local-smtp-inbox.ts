import { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as the SMTP server received it, with just enough MIME decoding for the tests. */
export interface ReceivedMail {
  to: string[];
  raw: string;
  /** Unfolded top-level headers, names in lower case. */
  headers: Map<string, string>;
  /** The decoded text/html part. */
  html: string;
}

/** An SMTP server on 127.0.0.1 that keeps every mail it is given. */
export class LocalSmtpInbox {
  readonly mails: ReceivedMail[] = [];
  private server?: SMTPServer;

  get url(): string {
    return `smtp://127.0.0.1:${(this.server!.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw, headers: headersOf(raw), html: htmlPartOf(raw) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function headersOf(raw: string): Map<string, string> {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** The text/html part of a (possibly multipart) mail, decoded from quoted-printable or base64. */
function htmlPartOf(raw: string): string {
  const start = raw.search(/Content-Type: text\/html/i);
  if (start === -1) return '';
  const part = raw.slice(start);
  const bodyStart = part.indexOf('\r\n\r\n') + 4;
  const encoding = /Content-Transfer-Encoding:\s*([\w-]+)/i.exec(part.slice(0, bodyStart))?.[1]?.toLowerCase();
  const body = part.slice(bodyStart, part.search(/\r\n--/) === -1 ? undefined : part.search(/\r\n--/));
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
