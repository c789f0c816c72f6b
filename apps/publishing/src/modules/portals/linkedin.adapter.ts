import { AdapterCall, ChannelAdapter, PublishResult } from './channel-adapter';
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
    const response = await this.request(call, 'POST', '/posts', {
      author: `urn:li:organization:${call.credentials.settings.organizationId}`,
      commentary: escapeLittleText(socialPostText(call.listing, MAX_COMMENTARY)),
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
