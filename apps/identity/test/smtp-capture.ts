import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { sleep } from './identity-test-helpers';

export interface ReceivedMail {
  to: string[];
  subject: string;
  /** The decoded text body. */
  text: string;
}

export interface SmtpCapture {
  url: string;
  mails: ReceivedMail[];
  /** The mails to one address, waiting until `count` arrived. */
  mailsTo(address: string, count?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** Soft line breaks and `=XX` escapes of a quoted-printable body (what nodemailer sends for long lines). */
function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function parse(raw: string, to: string[]): ReceivedMail {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = /^Subject: (.*)$/im.exec(headers)?.[1] ?? '';
  const quotedPrintable = /^Content-Transfer-Encoding: quoted-printable$/im.test(headers);
  return { to, subject, text: quotedPrintable ? decodeQuotedPrintable(body) : body };
}

/** A local SMTP server that accepts every mail and keeps it, for nodemailer to deliver to. */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push(parse(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((rcpt) => rcpt.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    mailsTo: async (address, count = 1) => {
      const deadline = Date.now() + 10_000;
      const matching = (): ReceivedMail[] => mails.filter((mail) => mail.to.includes(address));
      while (matching().length < count && Date.now() < deadline) await sleep(50);
      return matching();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the first link to `page` in a mail. */
export function tokenFrom(mail: ReceivedMail, page: string): string {
  const match = new RegExp(`/${page}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`No ${page} link in: ${mail.text}`);
  return match[1];
}
