import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { AdapterCall, ChannelAdapter, PublishResult } from './channel-adapter';
import { is24ErrorText, is24Messages, toIs24RealEstate } from './immoscout24-realestate';
import { PortalError, isRetryableStatus, portalFetch, readJson } from './portal-error';

/** IS24's own portal (channel 10000), as opposed to partner channels. */
export const IS24_PORTAL_CHANNEL = 10000;

export interface ImmoScout24Options {
  apiUrl: string;
  exposeUrl: string;
  timeoutMs: number;
}

/**
 * ImmoScout24's REST API with OAuth 1.0a (HMAC-SHA1) signed requests: create or update the real
 * estate, then publish it to the portal channel; withdraw by unpublishing and deleting it.
 */
export class ImmoScout24Adapter implements ChannelAdapter {
  constructor(private readonly options: ImmoScout24Options) {}

  async publish(call: AdapterCall): Promise<PublishResult> {
    const body = toIs24RealEstate(call.listing);
    // A create whose answer was lost (timeout, crash) left an object with our externalId: find it instead of creating a second one.
    const known = call.externalId ?? (await this.findByExternalId(call, call.listing.id));
    let id = known;
    if (id) {
      const updated = await this.request(call, 'PUT', `/offer/v1.0/user/me/realestate/${id}`, body);
      if (updated.status === 404) id = null;
      else await this.expect(updated, [200]);
    }
    if (!id) {
      const created = await this.expect(await this.request(call, 'POST', '/offer/v1.0/user/me/realestate', body), [201]);
      id = is24Messages(created).find((message) => message.id)?.id ?? null;
      if (!id) throw new PortalError('ImmoScout24 created the real estate but named no id', true);
    }
    await this.replacePictures(call, id);
    const published = await this.request(call, 'POST', '/offer/v1.0/publish', {
      'common.publishObject': { realEstate: { '@id': id }, publishChannel: { '@id': IS24_PORTAL_CHANNEL } },
    });
    // Already published to the channel (an update of a live ad) is fine.
    if (published.status !== 409) await this.expect(published, [200, 201]);
    return { externalId: id, url: `${this.options.exposeUrl.replace(/\/$/, '')}/${id}` };
  }

  async unpublish(call: AdapterCall & { externalId: string }): Promise<void> {
    const unpublished = await this.request(call, 'DELETE', `/offer/v1.0/publish/${call.externalId}_${IS24_PORTAL_CHANNEL}`);
    if (unpublished.status !== 404) await this.expect(unpublished, [200, 204]);
    const deleted = await this.request(call, 'DELETE', `/offer/v1.0/user/me/realestate/${call.externalId}`);
    if (deleted.status !== 404) await this.expect(deleted, [200, 204]);
  }

  /** IS24 takes pictures as uploaded attachments: the old ones go, the listing's document pictures are uploaded in order. */
  private async replacePictures(call: AdapterCall, id: string): Promise<void> {
    const pictures = await call.documentPictures();
    const path = `/offer/v1.0/user/me/realestate/${id}/attachment`;
    const listed = (await this.expect(await this.request(call, 'GET', path), [200])) as { 'common.attachments'?: { attachment?: { '@id': string }[] }[] } | null;
    for (const attachment of listed?.['common.attachments']?.[0]?.attachment ?? []) {
      const deleted = await this.request(call, 'DELETE', `${path}/${attachment['@id']}`);
      if (deleted.status !== 404) await this.expect(deleted, [200, 204]);
    }
    for (const [index, picture] of pictures.entries()) {
      const form = new FormData();
      const metadata = { 'common.attachment': { '@xsi.type': 'common:Picture', title: picture.title ?? '', titlePicture: index === 0, floorplan: false } };
      form.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }), 'metadata.json');
      form.append('attachment', new Blob([new Uint8Array(picture.bytes)], { type: picture.contentType }), picture.fileName);
      await this.expect(await this.request(call, 'POST', path, form), [201]);
    }
  }

  private async findByExternalId(call: AdapterCall, externalId: string): Promise<string | null> {
    const response = await this.request(call, 'GET', `/offer/v1.0/user/me/realestate/ext-${encodeURIComponent(externalId)}`);
    if (response.status === 404) return null;
    const body = (await this.expect(response, [200])) as Record<string, { '@id'?: string }> | null;
    const entry = body ? Object.values(body)[0] : undefined;
    return entry?.['@id'] ?? null;
  }

  /** JSON bodies, or multipart form data (which OAuth 1.0a leaves out of the signature). */
  private async request(call: AdapterCall, method: string, path: string, body?: unknown): Promise<Response> {
    const { secrets } = call.credentials;
    const oauth = new OAuth({
      consumer: { key: secrets.consumerKey, secret: secrets.consumerSecret },
      signature_method: 'HMAC-SHA1',
      hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64'),
    });
    const url = `${this.options.apiUrl.replace(/\/$/, '')}${path}`;
    const signed = oauth.toHeader(oauth.authorize({ url, method }, { key: secrets.accessToken, secret: secrets.accessTokenSecret }));
    return portalFetch(
      'ImmoScout24',
      url,
      {
        method,
        headers: { ...signed, Accept: 'application/json', ...(body && !(body instanceof FormData) ? { 'Content-Type': 'application/json;charset=UTF-8' } : {}) },
        body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
      },
      this.options.timeoutMs,
    );
  }

  private async expect(response: Response, statuses: number[]): Promise<unknown> {
    const body = await readJson(response);
    if (!statuses.includes(response.status)) throw new PortalError(is24ErrorText(response.status, body), isRetryableStatus(response.status), response.status);
    return body;
  }
}
