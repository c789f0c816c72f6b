import { ConfigOf, VarSpec, bool, commonConfig, int, optionalStr, str } from '@quartier/config';

/** An IANA time zone, checked at boot rather than at the first due date. */
function timeZone(description: string, defaultZone: string): VarSpec<string> {
  return {
    description,
    default: defaultZone,
    parse: (raw) => {
      try {
        return new Intl.DateTimeFormat('en-CA', { timeZone: raw }).resolvedOptions().timeZone;
      } catch {
        throw new Error('must be an IANA time zone such as Europe/Berlin');
      }
    },
  };
}

export const leasingConfigSpec = {
  ...commonConfig,
  MIGRATE_ON_BOOT: bool('Apply pending leasing migrations at boot (the Helm Job runs them otherwise)', { default: 'true' }),
  LEASING_TIME_ZONE: timeZone('IANA time zone that decides "today" for due dates, rent runs and lease expiry', 'Europe/Berlin'),
  RENT_JOB_INTERVAL_MS: int('How often the rent schedule and lease lifecycle jobs run, in ms; 0 disables the timer', {
    default: '3600000',
    min: 0,
  }),
  OUTBOX_INTERVAL_MS: int('How often the outbox relay publishes pending lease events to JetStream, in ms', { default: '200', min: 10 }),
  SMTP_URL: optionalStr('SMTP server for invoice mail, e.g. smtp://user:pass@mail.example.com:587 (unset: sending answers 503)', {
    secret: true,
  }),
  MAIL_FROM: str('Sender of invoice mail', { default: 'Quartier <no-reply@quartier.local>' }),
  INVOICE_DUE_DAYS: int('Days from issue to due date of a new invoice when none is given', { default: '14', min: 0, max: 365 }),
  STRIPE_SECRET_KEY: optionalStr('Stripe secret key (unset: Stripe routes answer 503)', { secret: true }),
  STRIPE_WEBHOOK_SECRET: optionalStr('Signing secret of the Stripe webhook endpoint (whsec_…)', { secret: true }),
  STRIPE_API_URL: optionalStr('Stripe API base URL override, e.g. http://127.0.0.1:12111 for a local Stripe stand-in (unset: api.stripe.com)'),
  INVOICE_NINJA_URL: optionalStr('Invoice Ninja v5 base URL, e.g. https://invoicing.co (unset: /invoices/sync reports it is not configured)'),
  INVOICE_NINJA_TOKEN: optionalStr('Invoice Ninja API token (X-API-TOKEN)', { secret: true }),
};

export type LeasingConfig = ConfigOf<typeof leasingConfigSpec>;
