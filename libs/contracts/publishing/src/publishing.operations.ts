import { CommonErrorCode, EmptyRequest, Role, defineOperation } from '@quartier/contracts-shared';
import { ChannelDeletedView, ChannelListView, ChannelNameDto, ChannelView, ConfigureChannelMessageDto } from './channel.dto';
import { FeedChannelDto, FeedDeliveryView, FeedQueryDto, FeedView, JobIdDto, JobListView, JobPageView, JobQueryDto, JobView } from './job.dto';
import {
  CreateListingDto,
  ListingDeletedView,
  ListingIdDto,
  ListingPageView,
  ListingQueryDto,
  ListingReadinessView,
  ListingView,
  PublishListingMessageDto,
  UnpublishListingMessageDto,
  UpdateListingMessageDto,
} from './listing.dto';
import { PublishingErrorCode } from './publishing.errors';

/** Listings, channels, jobs and feeds are staff tools: residents get 403. */
export const PUBLISHING_ROLES: readonly Role[] = ['owner', 'admin', 'manager', 'agent', 'viewer'];

/** Channel credentials are the organization's secrets. */
const CHANNEL_ADMIN_ROLES: readonly Role[] = ['owner', 'admin'];

/** A full feed gathers every published listing's pictures and uploads them: more than the usual request budget. */
const FEED_UPLOAD_TIMEOUT_MS = 120_000;

const service = 'publishing';
const tags = ['publishing'] as const;
const read = { scopes: ['read'], roles: PUBLISHING_ROLES } as const;
const write = { scopes: ['write'], roles: PUBLISHING_ROLES } as const;

/*
 * Operations without `http` below are public through hand-written gateway routes
 * (apps/gateway/src/modules/publishing), which the route factory cannot express: a 202 answer,
 * a channel name in the path documented with its enum, an XML download.
 */

export const ListingOperations = {
  create: defineOperation({
    service,
    subject: 'publishing.v1.listings.create',
    request: CreateListingDto,
    response: ListingView,
    http: {
      method: 'POST',
      path: '/listings',
      status: 201,
      tags,
      summary: 'Create a listing from a portfolio property or unit plus marketing data',
      description:
        'Area, rooms, target rent, features and the Energieausweis default to what portfolio knows about the unit and property; the body overrides them. The property and unit must be in your organization (404 otherwise).',
    },
    access: write,
    paged: false,
    idempotency: 'none',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  list: defineOperation({
    service,
    subject: 'publishing.v1.listings.list',
    request: ListingQueryDto,
    response: ListingPageView,
    http: { method: 'GET', path: '/listings', status: 200, tags, summary: 'Listings with their publications per channel, newest first' },
    access: read,
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  get: defineOperation({
    service,
    subject: 'publishing.v1.listings.get',
    request: ListingIdDto,
    response: ListingView,
    http: { method: 'GET', path: '/listings/:id', status: 200, tags, summary: 'One listing with its publications (status, portal id and URL, last error per channel)' },
    access: read,
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  /** Publish jobs follow for the channels it is on. */
  update: defineOperation({
    service,
    subject: 'publishing.v1.listings.update',
    request: UpdateListingMessageDto,
    response: ListingView,
    http: {
      method: 'PATCH',
      path: '/listings/:id',
      status: 200,
      tags,
      summary: 'Change marketing data; the channels it is published on get the change by themselves (422 if it would no longer be complete for one of them)',
    },
    access: write,
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422, [PublishingErrorCode.LISTING_INCOMPLETE]: 422 },
  }),
  delete: defineOperation({
    service,
    subject: 'publishing.v1.listings.delete',
    request: ListingIdDto,
    response: ListingDeletedView,
    http: {
      method: 'DELETE',
      path: '/listings/:id',
      status: 204,
      tags,
      summary: 'Delete a listing that is on no channel (409 while published: unpublish first)',
      responseDescription: 'Deleted',
    },
    access: { scopes: ['delete'], roles: PUBLISHING_ROLES },
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [PublishingErrorCode.LISTING_STATE]: 409, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  readiness: defineOperation({
    service,
    subject: 'publishing.v1.listings.readiness',
    request: ListingIdDto,
    response: ListingReadinessView,
    http: { method: 'GET', path: '/listings/:id/readiness', status: 200, tags, summary: 'Per channel, what the listing still lacks before it can be published there' },
    access: read,
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  /** POST /listings/:id/publish (202), hand-written. */
  publish: defineOperation({
    service,
    subject: 'publishing.v1.listings.publish',
    request: PublishListingMessageDto,
    response: JobListView,
    access: write,
    paged: false,
    // Asking again while a job waits returns that job.
    idempotency: 'idempotent',
    errors: {
      [CommonErrorCode.NOT_FOUND]: 404,
      [CommonErrorCode.CONFLICT]: 409,
      [PublishingErrorCode.LISTING_STATE]: 409,
      [CommonErrorCode.VALIDATION_FAILED]: 422,
      [PublishingErrorCode.LISTING_INCOMPLETE]: 422,
      [PublishingErrorCode.CHANNEL_NOT_CONFIGURED]: 422,
    },
  }),
  /** POST /listings/:id/unpublish (202), hand-written. */
  unpublish: defineOperation({
    service,
    subject: 'publishing.v1.listings.unpublish',
    request: UnpublishListingMessageDto,
    response: JobListView,
    access: write,
    paged: false,
    idempotency: 'idempotent',
    errors: {
      [CommonErrorCode.NOT_FOUND]: 404,
      [CommonErrorCode.CONFLICT]: 409,
      [PublishingErrorCode.LISTING_STATE]: 409,
      [CommonErrorCode.VALIDATION_FAILED]: 422,
      [PublishingErrorCode.CHANNEL_NOT_CONFIGURED]: 422,
    },
  }),
};

export const ChannelOperations = {
  list: defineOperation({
    service,
    subject: 'publishing.v1.channels.list',
    request: EmptyRequest,
    response: ChannelListView,
    http: { method: 'GET', path: '/publishing/channels', status: 200, tags, summary: 'Every channel with whether it is configured; secrets are never shown, only which are set' },
    access: read,
    paged: false,
    idempotency: 'safe',
    errors: {},
  }),
  /** PUT /publishing/channels/:channel, hand-written. */
  configure: defineOperation({
    service,
    subject: 'publishing.v1.channels.configure',
    request: ConfigureChannelMessageDto,
    response: ChannelView,
    access: { scopes: ['write'], roles: CHANNEL_ADMIN_ROLES },
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422, [PublishingErrorCode.SECRETS_KEY_MISSING]: 503 },
  }),
  /** DELETE /publishing/channels/:channel, hand-written. */
  remove: defineOperation({
    service,
    subject: 'publishing.v1.channels.remove',
    request: ChannelNameDto,
    response: ChannelDeletedView,
    access: { scopes: ['delete'], roles: CHANNEL_ADMIN_ROLES },
    paged: false,
    idempotency: 'idempotent',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
};

export const JobOperations = {
  list: defineOperation({
    service,
    subject: 'publishing.v1.jobs.list',
    request: JobQueryDto,
    response: JobPageView,
    http: { method: 'GET', path: '/publishing/jobs', status: 200, tags, summary: 'Publishing jobs, newest first (filter by status, channel, action, listingId)' },
    access: read,
    paged: true,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
  get: defineOperation({
    service,
    subject: 'publishing.v1.jobs.get',
    request: JobIdDto,
    response: JobView,
    http: { method: 'GET', path: '/publishing/jobs/:id', status: 200, tags, summary: 'One job: status, attempts, the portal’s last error, external id and URL' },
    access: read,
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.NOT_FOUND]: 404, [CommonErrorCode.VALIDATION_FAILED]: 422 },
  }),
};

export const FeedOperations = {
  /** GET /publishing/feeds/:channel.xml, hand-written: the organization's OpenImmo 1.2.7 feed of one portal, served as XML. */
  get: defineOperation({
    service,
    subject: 'publishing.v1.feeds.get',
    request: FeedQueryDto,
    response: FeedView,
    access: read,
    paged: false,
    idempotency: 'safe',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422, [PublishingErrorCode.SECRETS_KEY_MISSING]: 503 },
  }),
  /**
   * POST /publishing/feeds/:channel/deliver, hand-written: uploads the full feed (VOLL) to the
   * portal now. A portal's refusal is a 502 PUBLISHING_PORTAL_FAILED, a status ErrorStatus does
   * not list, so the route documents it.
   */
  deliver: defineOperation({
    service,
    subject: 'publishing.v1.feeds.deliver',
    request: FeedChannelDto,
    response: FeedDeliveryView,
    access: write,
    paged: false,
    // Each call uploads the full feed again.
    idempotency: 'none',
    errors: { [CommonErrorCode.VALIDATION_FAILED]: 422, [PublishingErrorCode.SECRETS_KEY_MISSING]: 503 },
    timeoutMs: FEED_UPLOAD_TIMEOUT_MS,
  }),
};

/** Every publishing operation: what the service answers. */
export const PUBLISHING_OPERATIONS = [
  ...Object.values(ListingOperations),
  ...Object.values(ChannelOperations),
  ...Object.values(JobOperations),
  ...Object.values(FeedOperations),
];
