import { Logger, LoggerService } from '@nestjs/common';
import { loadConfig } from '@quartier/config';
import { identityConfigSpec } from '../../identity.config';
import { appLink, passwordResetMail } from './mail-templates';
import { Mailer } from './mailer';

class CapturedLogs implements LoggerService {
  readonly lines: string[] = [];
  log(message: string): void {
    this.lines.push(message);
  }
  error(message: string): void {
    this.lines.push(message);
  }
  warn(message: string): void {
    this.lines.push(message);
  }
}

describe('Mailer without SMTP_URL', () => {
  const logs = new CapturedLogs();

  beforeAll(() => Logger.overrideLogger(logs));
  afterAll(() => Logger.overrideLogger(false));

  it('logs that the mail would be sent, without its link or token', async () => {
    const mailer = new Mailer(loadConfig(identityConfigSpec, { SMTP_URL: '', SIGNING_KEY_ENCRYPTION_SECRET: 's'.repeat(32) }));
    const link = appLink('https://app.quartier.test', 'reset-password', 'secret-token-value');
    mailer.dispatch(passwordResetMail('anna@example.de', link, 60));
    await mailer.onApplicationShutdown();
    expect(logs.lines).toEqual(['SMTP_URL is not set: an email "Reset your Quartier password" would be sent to a***@example.de']);
    expect(logs.lines.join('\n')).not.toContain('secret-token-value');
  });
});
