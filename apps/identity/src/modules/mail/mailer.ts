import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Transporter, createTransport } from 'nodemailer';
import { IDENTITY_CONFIG, IdentityConfig } from '../../identity.config';
import { Mail, maskEmail } from './mail-templates';

/**
 * Sends identity's mail (password reset, invitations) over SMTP with nodemailer. Sending runs in
 * the background: a request never waits for, or reveals anything through, the mail server.
 * Without SMTP_URL the mail is logged, never its link (the link carries a token).
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger('Mailer');
  private readonly transport?: Transporter;
  private readonly pending = new Set<Promise<void>>();

  constructor(@Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig) {
    if (config.SMTP_URL) this.transport = createTransport(config.SMTP_URL);
  }

  dispatch(mail: Mail): void {
    const sending = this.send(mail).finally(() => this.pending.delete(sending));
    this.pending.add(sending);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.pending);
    this.transport?.close();
  }

  private async send(mail: Mail): Promise<void> {
    const recipient = maskEmail(mail.to);
    if (!this.transport) {
      this.logger.log(`SMTP_URL is not set: an email "${mail.subject}" would be sent to ${recipient}`);
      return;
    }
    try {
      await this.transport.sendMail({ from: this.config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    } catch (error) {
      this.logger.error(`The mail server refused "${mail.subject}" to ${recipient}: ${(error as Error).message}`);
    }
  }
}
