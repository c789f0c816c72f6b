/** NATS subjects of the publishing service (without the deployment prefix). Payload → response in comments. */
export const ListingSubjects = {
  /** CreateListingDto → ListingView (404 unknown property/unit) */
  create: 'publishing.v1.listings.create',
  /** ListingQueryDto → ListingPageView */
  list: 'publishing.v1.listings.list',
  /** ListingIdDto → ListingView */
  get: 'publishing.v1.listings.get',
  /** UpdateListingMessageDto → ListingView (publish jobs for the channels it is on; 422 PUBLISHING_LISTING_INCOMPLETE if it would no longer suit one) */
  update: 'publishing.v1.listings.update',
  /** ListingIdDto → { deleted: true } (409 while published somewhere) */
  delete: 'publishing.v1.listings.delete',
  /** ListingIdDto → ListingReadinessView: per channel, what is missing before it can be published */
  readiness: 'publishing.v1.listings.readiness',
  /** PublishListingMessageDto → JobListView (422 PUBLISHING_LISTING_INCOMPLETE with the missing fields per channel) */
  publish: 'publishing.v1.listings.publish',
  /** UnpublishListingMessageDto → JobListView */
  unpublish: 'publishing.v1.listings.unpublish',
} as const;

export const ChannelSubjects = {
  /** {} → ChannelListView, every channel with whether it is configured (secrets never included) */
  list: 'publishing.v1.channels.list',
  /** ConfigureChannelMessageDto → ChannelView (owner/admin) */
  configure: 'publishing.v1.channels.configure',
  /** ChannelNameDto → { deleted: true } (owner/admin) */
  remove: 'publishing.v1.channels.remove',
} as const;

export const JobSubjects = {
  /** JobQueryDto → JobPageView */
  list: 'publishing.v1.jobs.list',
  /** JobIdDto → JobView */
  get: 'publishing.v1.jobs.get',
} as const;

export const FeedSubjects = {
  /** FeedQueryDto → FeedView, the organization's OpenImmo 1.2.7 feed of one portal */
  get: 'publishing.v1.feeds.get',
  /** FeedChannelDto → FeedDeliveryView: uploads the full feed (VOLL) to the portal now (502 PUBLISHING_PORTAL_FAILED when it refuses) */
  deliver: 'publishing.v1.feeds.deliver',
} as const;
