import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Transporter, createTransport } from 'nodemailer';
import { LeasingErrorCode } from '@quartier/contracts-leasing';
import { rpcError } from '@quartier/messaging';

export const MAIL_SETTINGS = Symbol('MAIL_SETTINGS');

export interface MailSettings {
  smtpUrl?: string;
  from: string;
}

export interface InvoiceMail {
  to: string;
  subject: string;
  text: string;
  attachment: { filename: string; content: Buffer };
}

/** Sends invoices by SMTP (nodemailer); without SMTP_URL it says so instead of pretending. */
@Injectable()
export class InvoiceMailer implements OnApplicationShutdown {
  private readonly transport?: Transporter;

  constructor(@Inject(MAIL_SETTINGS) private readonly settings: MailSettings) {
    if (settings.smtpUrl) this.transport = createTransport(settings.smtpUrl);
  }

  async send(mail: InvoiceMail): Promise<string> {
    if (!this.transport) throw rpcError(503, LeasingErrorCode.MAIL_NOT_CONFIGURED, 'Invoice mail is not configured: set SMTP_URL');
    try {
      const info = await this.transport.sendMail({
        from: this.settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        attachments: [{ filename: mail.attachment.filename, content: mail.attachment.content, contentType: 'application/pdf' }],
      });
      return String(info.messageId);
    } catch (error) {
      throw rpcError(502, LeasingErrorCode.MAIL_FAILED, `The mail server refused the invoice: ${(error as Error).message}`);
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
