/** Error codes of the publishing service (beside CommonErrorCode). */
export const PublishingErrorCode = {
  /** The listing lacks what a channel requires; details.missing maps each channel to its missing fields. */
  LISTING_INCOMPLETE: 'PUBLISHING_LISTING_INCOMPLETE',
  /** The channel has no credentials configured for the organization. */
  CHANNEL_NOT_CONFIGURED: 'PUBLISHING_CHANNEL_NOT_CONFIGURED',
  /** The listing is withdrawn (its unit was rented) or still published where it should not be. */
  LISTING_STATE: 'PUBLISHING_LISTING_STATE',
  /** A portal refused or failed a call made while the caller waited (e.g. a full feed upload). */
  PORTAL_FAILED: 'PUBLISHING_PORTAL_FAILED',
  /** The operator has not set CHANNEL_SECRETS_KEY: channel secrets can be neither stored nor read (503). */
  SECRETS_KEY_MISSING: 'PUBLISHING_SECRETS_KEY_MISSING',
} as const;
