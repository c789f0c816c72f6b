import { AdapterCall, ChannelAdapter, PublishResult } from './channel-adapter';
import { GraphApi } from './graph-api';
import { PortalError } from './portal-error';
import { socialPostText } from './social-post';

const MAX_CAPTION = 2200;

/** An Instagram feed post through the Graph API: a media container with the title picture, then media_publish. */
export class InstagramAdapter implements ChannelAdapter {
  private readonly graph: GraphApi;

  constructor(graphUrl: string, timeoutMs: number) {
    this.graph = new GraphApi('Instagram', graphUrl, timeoutMs);
  }

  async publish(call: AdapterCall): Promise<PublishResult> {
    // Instagram posts cannot be edited or deleted through the API: one published post stays as it is.
    if (call.externalId) return { externalId: call.externalId, url: await this.permalink(call, call.externalId) };
    const { igUserId } = call.credentials.settings;
    const token = call.credentials.secrets.accessToken;
    const picture = call.listing.images.find((image) => image.url)?.url;
    if (!picture) throw new PortalError('Instagram: a post needs a picture with a public URL', false);
    const container = await this.graph.call<{ id?: string }>('POST', `${igUserId}/media`, token, { image_url: picture, caption: socialPostText(call.listing, MAX_CAPTION) });
    if (!container.body?.id) throw new PortalError(`Instagram: account ${igUserId} not found`, false, container.status);
    const published = await this.graph.call<{ id?: string }>('POST', `${igUserId}/media_publish`, token, { creation_id: container.body.id });
    if (!published.body?.id) throw new PortalError('Instagram: the media container was not published', true, published.status);
    return { externalId: published.body.id, url: await this.permalink(call, published.body.id) };
  }

  /** The Graph API offers no deletion of feed posts: the post is marked withdrawn here and must be removed in the app. */
  async unpublish(): Promise<void> {
    return;
  }

  private async permalink(call: AdapterCall, mediaId: string): Promise<string | null> {
    const media = await this.graph.call<{ permalink?: string }>('GET', mediaId, call.credentials.secrets.accessToken, { fields: 'permalink' });
    return media.body?.permalink ?? null;
  }
}
