import type { Channel } from './publishing.enums';

/** Domain events published by publishing (`<prefix>.events.<type>`). */
export const PublishingEvent = {
  PUBLISHED: 'publishing.listing.published',
  FAILED: 'publishing.listing.failed',
  WITHDRAWN: 'publishing.listing.withdrawn',
} as const;

export interface ListingPublishedPayload {
  listingId: string;
  jobId: string;
  channel: Channel;
  externalId: string | null;
  url: string | null;
}

export interface ListingFailedPayload {
  listingId: string;
  jobId: string;
  channel: Channel;
  attempts: number;
  error: string;
}

export interface ListingWithdrawnPayload {
  listingId: string;
  jobId: string;
  channel: Channel;
}
