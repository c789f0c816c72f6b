/** Where a listing can go: portals (ImmoScout24 over REST, Immowelt and Kleinanzeigen over OpenImmo feeds) and social media. */
export const CHANNELS = ['immoscout24', 'immowelt', 'kleinanzeigen', 'facebook', 'instagram', 'linkedin'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels fed by OpenImmo XML over FTP. */
export const FEED_CHANNELS = ['immowelt', 'kleinanzeigen'] as const satisfies readonly Channel[];
export type FeedChannel = (typeof FEED_CHANNELS)[number];

export const MARKETING_TYPES = ['rent', 'sale'] as const;
export type MarketingType = (typeof MARKETING_TYPES)[number];

export const LISTING_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** State of a listing on one channel. */
export const PUBLICATION_STATUSES = ['pending', 'published', 'failed', 'withdrawn'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export const JOB_ACTIONS = ['publish', 'unpublish'] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

/** pending → running → published (publish) / withdrawn (unpublish), or failed once retries are used up or the portal refuses. */
export const JOB_STATUSES = ['pending', 'running', 'published', 'withdrawn', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const ENERGY_CERTIFICATE_TYPES = ['consumption', 'demand'] as const;
export type EnergyCertificateType = (typeof ENERGY_CERTIFICATE_TYPES)[number];

export const ENERGY_CLASSES = ['A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export type EnergyClass = (typeof ENERGY_CLASSES)[number];

export const HEATING_SOURCES = ['gas', 'oil', 'district_heating', 'electricity', 'heat_pump', 'solar', 'wood', 'pellets', 'geothermal', 'coal', 'other'] as const;
export type HeatingSource = (typeof HEATING_SOURCES)[number];
