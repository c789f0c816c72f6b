import { AdapterCall, ChannelAdapter, PictureFile, PublishResult } from './channel-adapter';
import { PortalError, isRetryableStatus, portalFetch, readJson } from './portal-error';
import { socialPostText } from './social-post';

const MAX_COMMENTARY = 3000;

export interface LinkedInOptions {
  apiUrl: string;
  version: string;
  timeoutMs: number;
}

/** A post on the organization's LinkedIn page through the versioned Posts API (`POST /rest/posts`). */
export class LinkedInAdapter implements ChannelAdapter {
  constructor(private readonly options: LinkedInOptions) {}

  async publish(call: AdapterCall): Promise<PublishResult> {
    if (call.externalId) await this.unpublish({ ...call, externalId: call.externalId });
    const author = `urn:li:organization:${call.credentials.settings.organizationId}`;
    // LinkedIn takes pictures only as uploads: the title picture when it is a document of ours.
    const [picture] = call.listing.images[0]?.documentId ? await call.documentPictures() : [];
    const image = picture ? await this.uploadImage(call, author, picture) : null;
    const response = await this.request(call, 'POST', '/posts', {
      author,
      commentary: escapeLittleText(socialPostText(call.listing, MAX_COMMENTARY)),
      ...(image ? { content: { media: { id: image, ...(picture?.title ? { altText: picture.title } : {}) } } } : {}),
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    });
    await this.expect(response, [201]);
    const urn = response.headers.get('x-restli-id');
    if (!urn) throw new PortalError('LinkedIn created the post but named no id', true);
    return { externalId: urn, url: `https://www.linkedin.com/feed/update/${urn}` };
  }

  async unpublish(call: AdapterCall & { externalId: string }): Promise<void> {
    const response = await this.request(call, 'DELETE', `/posts/${encodeURIComponent(call.externalId)}`);
    if (response.status !== 404) await this.expect(response, [204]);
  }

  /** Images API: initializeUpload names an upload URL and the image URN; the bytes go there with PUT. */
  private async uploadImage(call: AdapterCall, owner: string, picture: PictureFile): Promise<string> {
    const initialized = await this.request(call, 'POST', '/images?action=initializeUpload', { initializeUploadRequest: { owner } });
    await this.expect(initialized, [200]);
    const { value } = ((await readJson(initialized)) ?? {}) as { value?: { uploadUrl?: string; image?: string } };
    if (!value?.uploadUrl || !value.image) throw new PortalError('LinkedIn named no upload URL for the picture', true);
    const uploaded = await portalFetch(
      'LinkedIn',
      value.uploadUrl,
      { method: 'PUT', headers: { Authorization: `Bearer ${call.credentials.secrets.accessToken}`, 'Content-Type': picture.contentType }, body: new Uint8Array(picture.bytes) },
      this.options.timeoutMs,
    );
    await this.expect(uploaded, [200, 201]);
    return value.image;
  }

  private request(call: AdapterCall, method: string, path: string, body?: unknown): Promise<Response> {
    return portalFetch(
      'LinkedIn',
      `${this.options.apiUrl.replace(/\/$/, '')}${path}`,
      {
        method,
        headers: {
          Authorization: `Bearer ${call.credentials.secrets.accessToken}`,
          'LinkedIn-Version': this.options.version,
          'X-Restli-Protocol-Version': '2.0.0',
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      },
      this.options.timeoutMs,
    );
  }

  private async expect(response: Response, statuses: number[]): Promise<void> {
    if (statuses.includes(response.status)) return;
    const body = (await readJson(response)) as { message?: string } | null;
    throw new PortalError(body?.message ? `LinkedIn: ${body.message}` : `LinkedIn answered HTTP ${response.status}`, isRetryableStatus(response.status), response.status);
  }
}

/** LinkedIn's "little text" commentary reserves these characters for mentions and hashtags. */
export function escapeLittleText(text: string): string {
  return text.replace(/[\\|{}@[\]()<>#*_~]/g, (character) => `\\${character}`);
}
