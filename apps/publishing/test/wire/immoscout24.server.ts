import { createHmac } from 'node:crypto';
import { ReceivedRequest, Reply, startHttpServer } from './http-server';

export interface Is24Credentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessTokenSecret: string;
}

interface RealEstate {
  id: string;
  type: string;
  body: Record<string, unknown>;
  attachments: Attachment[];
}

export interface Attachment {
  id: string;
  metadata: Record<string, unknown>;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

const PREFIX = '/restapi/api/offer/v1.0';

/** RFC 3986 percent-encoding as OAuth 1.0a (RFC 5849 § 3.6) requires. */
function percent(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Checks an OAuth 1.0a HMAC-SHA1 signature the way IS24 does, written from RFC 5849, not with the client's library. */
export function oauthSignatureValid(request: ReceivedRequest, baseUrl: string, credentials: Is24Credentials): boolean {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('OAuth ')) return false;
  const oauth = Object.fromEntries([...header.slice(6).matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, decodeURIComponent(value)]));
  if (oauth.oauth_consumer_key !== credentials.consumerKey || oauth.oauth_token !== credentials.accessToken || oauth.oauth_signature_method !== 'HMAC-SHA1') return false;
  if (Math.abs(Date.now() / 1000 - Number(oauth.oauth_timestamp)) > 300 || !oauth.oauth_nonce) return false;
  const params = [...Object.entries(oauth).filter(([key]) => key !== 'oauth_signature'), ...request.query.entries()]
    .map(([key, value]) => [percent(key), percent(value)])
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const base = [request.method.toUpperCase(), percent(`${baseUrl}${request.path}`), percent(params)].join('&');
  const expected = createHmac('sha1', `${percent(credentials.consumerSecret)}&${percent(credentials.accessTokenSecret)}`).update(base).digest('base64');
  return expected === oauth.oauth_signature;
}

const messages = (messageCode: string, message: string, id?: string) => ({ 'common.messages': [{ message: { messageCode, message, ...(id ? { id } : {}) } }] });

/**
 * ImmoScout24's offer API as far as publishing uses it: real estates (create, read by ext-id,
 * update, delete) and publications to channel 10000, with OAuth 1.0a checked on every call.
 */
export async function startImmoScout24Server(credentials: Is24Credentials) {
  const realEstates = new Map<string, RealEstate>();
  const published = new Set<string>();
  const failures: { status: number; code: string; message: string }[] = [];
  const lostAnswers: string[] = [];
  let nextId = 68_400;
  let baseUrl = '';
  const server = await startHttpServer(async (request) => {
    const reply = await route(request);
    const lost = lostAnswers.indexOf(`${request.method} ${request.path.slice(PREFIX.length)}`);
    if (lost === -1) return reply;
    lostAnswers.splice(lost, 1);
    return { status: 504, body: messages('ERROR_COMMON_GATEWAY_TIMEOUT', 'Gateway timeout') };
  });
  async function route(request: ReceivedRequest): Promise<Reply> {
    if (!oauthSignatureValid(request, baseUrl, credentials)) return { status: 401, body: messages('ERROR_COMMON_ACCESS_DENIED', 'OAuth signature invalid') };
    const failure = failures.shift();
    if (failure) return { status: failure.status, body: messages(failure.code, failure.message) };
    const path = request.path.slice(PREFIX.length);
    const byId = /^\/user\/me\/realestate\/([^/]+)$/.exec(path);
    if (request.method === 'POST' && path === '/user/me/realestate') {
      const [type, body] = Object.entries(JSON.parse(request.body) as Record<string, Record<string, unknown>>)[0];
      if (!body.title || String(body.title).length > 100) return { status: 400, body: messages('ERROR_REQUEST_VALIDATION', 'title is required and at most 100 characters') };
      const id = String(nextId++);
      realEstates.set(id, { id, type, body, attachments: [] });
      return { status: 201, body: messages('MESSAGE_RESOURCE_CREATED', `Resource with id [${id}] has been created.`, id) };
    }
    if (byId && request.method === 'GET') {
      const key = byId[1];
      const found = key.startsWith('ext-') ? [...realEstates.values()].find((estate) => estate.body.externalId === decodeURIComponent(key.slice(4))) : realEstates.get(key);
      return found ? { status: 200, body: { [found.type]: { '@id': found.id, ...found.body } } } : { status: 404, body: messages('ERROR_RESOURCE_NOT_FOUND', `Resource ${key} not found.`) };
    }
    if (byId && request.method === 'PUT') {
      const estate = realEstates.get(byId[1]);
      if (!estate) return { status: 404, body: messages('ERROR_RESOURCE_NOT_FOUND', `Resource ${byId[1]} not found.`) };
      const [type, body] = Object.entries(JSON.parse(request.body) as Record<string, Record<string, unknown>>)[0];
      realEstates.set(estate.id, { ...estate, type, body });
      return { status: 200, body: messages('MESSAGE_RESOURCE_UPDATED', `Resource with id [${estate.id}] has been updated.`) };
    }
    if (byId && request.method === 'DELETE') {
      if (!realEstates.delete(byId[1])) return { status: 404, body: messages('ERROR_RESOURCE_NOT_FOUND', `Resource ${byId[1]} not found.`) };
      published.delete(byId[1]);
      return { status: 200, body: messages('MESSAGE_RESOURCE_DELETED', `Resource with id [${byId[1]}] has been deleted.`) };
    }
    const attachments = /^\/user\/me\/realestate\/(\d+)\/attachment(?:\/(\d+))?$/.exec(path);
    if (attachments) {
      const estate = realEstates.get(attachments[1]);
      if (!estate) return { status: 404, body: messages('ERROR_RESOURCE_NOT_FOUND', `Resource ${attachments[1]} not found.`) };
      if (request.method === 'GET' && !attachments[2]) {
        return { status: 200, body: { 'common.attachments': [{ attachment: estate.attachments.map((attachment) => ({ '@id': attachment.id, ...attachment.metadata })) }] } };
      }
      if (request.method === 'DELETE' && attachments[2]) {
        const before = estate.attachments.length;
        estate.attachments = estate.attachments.filter((attachment) => attachment.id !== attachments[2]);
        return before > estate.attachments.length ? { status: 200, body: messages('MESSAGE_RESOURCE_DELETED', 'deleted') } : { status: 404, body: messages('ERROR_RESOURCE_NOT_FOUND', 'no such attachment') };
      }
      if (request.method === 'POST' && !attachments[2]) {
        const form = await new Response(new Uint8Array(request.raw), { headers: { 'content-type': String(request.headers['content-type']) } }).formData().catch(() => null);
        const metadata = form?.get('metadata');
        const file = form?.get('attachment');
        if (!(metadata instanceof Blob) || !(file instanceof File)) return { status: 400, body: messages('ERROR_REQUEST_VALIDATION', 'multipart metadata and attachment parts are required') };
        const id = String(nextId++);
        const parsed = (JSON.parse(await metadata.text()) as { 'common.attachment': Record<string, unknown> })['common.attachment'];
        estate.attachments.push({ id, metadata: parsed, fileName: file.name, contentType: file.type, bytes: Buffer.from(await file.arrayBuffer()) });
        return { status: 201, body: messages('MESSAGE_RESOURCE_CREATED', `Resource with id [${id}] has been created.`, id) };
      }
    }
    if (request.method === 'POST' && path === '/publish') {
      const publish = (JSON.parse(request.body) as { 'common.publishObject': { realEstate: { '@id': string }; publishChannel: { '@id': number } } })['common.publishObject'];
      if (!realEstates.has(publish.realEstate['@id']) || publish.publishChannel['@id'] !== 10000) return { status: 400, body: messages('ERROR_REQUEST_VALIDATION', 'unknown real estate or channel') };
      if (published.has(publish.realEstate['@id'])) return { status: 409, body: messages('ERROR_RESOURCE_DUPLICATE', 'already published') };
      published.add(publish.realEstate['@id']);
      return { status: 201, body: messages('MESSAGE_RESOURCE_CREATED', 'Resource with id [publish] has been created.') };
    }
    const unpublish = /^\/publish\/(\d+)_10000$/.exec(path);
    if (unpublish && request.method === 'DELETE') {
      return published.delete(unpublish[1]) ? { status: 200, body: messages('MESSAGE_RESOURCE_DELETED', 'depublished') } : { status: 404, body: messages('ERROR_RESOURCE_NOT_FOUND', 'not published') };
    }
    return { status: 404, body: messages('ERROR_RESOURCE_NOT_FOUND', `${request.method} ${request.path} unknown`) };
  }
  baseUrl = server.url;
  return {
    apiUrl: `${server.url}/restapi/api`,
    requests: server.requests,
    realEstates,
    published,
    /** The next calls answer these errors, in order (before any routing). */
    failNext: (...errors: { status: number; code: string; message: string }[]) => failures.push(...errors),
    /** The next such call (e.g. `POST /user/me/realestate`) is carried out, but its answer is lost (504). */
    loseAnswerOf: (call: string) => lostAnswers.push(call),
    close: server.close,
  };
}
