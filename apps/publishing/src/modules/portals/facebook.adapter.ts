import { AdapterCall, ChannelAdapter, PublishResult } from './channel-adapter';
import { GraphApi } from './graph-api';
import { PortalError } from './portal-error';
import { socialPostText } from './social-post';

/** Facebook's limit is far higher; long posts are cut in the feed anyway. */
const MAX_TEXT = 5000;

/** A post on the organization's Facebook page: a photo post with the title picture, else a text post. */
export class FacebookAdapter implements ChannelAdapter {
  private readonly graph: GraphApi;

  constructor(graphUrl: string, timeoutMs: number) {
    this.graph = new GraphApi('Facebook', graphUrl, timeoutMs);
  }

  async publish(call: AdapterCall): Promise<PublishResult> {
    const { pageId } = call.credentials.settings;
    const token = call.credentials.secrets.pageAccessToken;
    // A post cannot be edited into another picture: an update replaces the old post.
    if (call.externalId) await this.unpublish({ ...call, externalId: call.externalId });
    const message = socialPostText(call.listing, MAX_TEXT);
    const created = await this.post(call, pageId, token, message);
    const id = created.body?.post_id ?? created.body?.id;
    if (created.status === 404 || !id) throw new PortalError(`Facebook: page ${pageId} not found`, false, 404);
    return { externalId: id, url: `https://www.facebook.com/${id}` };
  }

  /** The title picture: a URL Facebook fetches itself, or a document uploaded; without one, a text post. */
  private async post(call: AdapterCall, pageId: string, token: string, message: string): Promise<{ status: number; body: { id?: string; post_id?: string } }> {
    const first = call.listing.images[0];
    if (first?.url) return this.graph.call('POST', `${pageId}/photos`, token, { url: first.url, caption: message });
    const [picture] = first?.documentId ? await call.documentPictures() : [];
    if (picture) return this.graph.upload(`${pageId}/photos`, token, { caption: message }, picture);
    return this.graph.call('POST', `${pageId}/feed`, token, { message });
  }

  async unpublish(call: AdapterCall & { externalId: string }): Promise<void> {
    await this.graph.call('DELETE', call.externalId, call.credentials.secrets.pageAccessToken);
  }
}
