import { startHttpServer } from './http-server';

/**
 * Facebook's Graph API for page posts and Instagram content publishing (form-encoded, tokens in
 * access_token) and LinkedIn's versioned Posts API, as far as publishing uses them.
 */
export async function startGraphServer(tokens: { pageId: string; pageAccessToken: string; igUserId: string; igAccessToken: string }) {
  const posts = new Map<string, Record<string, string>>();
  const uploads = new Map<string, { fileName: string; contentType: string; bytes: Buffer }>();
  const containers = new Map<string, Record<string, string>>();
  const media = new Map<string, Record<string, string>>();
  let next = 1000;
  const server = await startHttpServer(async (request) => {
    const multipart = String(request.headers['content-type']).startsWith('multipart/form-data');
    const form = multipart ? await new Response(new Uint8Array(request.raw), { headers: { 'content-type': String(request.headers['content-type']) } }).formData() : null;
    const params = form
      ? new URLSearchParams([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
      : request.method === 'POST'
        ? new URLSearchParams(request.body)
        : request.query;
    const token = params.get('access_token');
    const [, version, object, edge] = request.path.split('/');
    if (version !== 'v21.0') return { status: 400, body: { error: { message: `Unknown API version ${version}`, code: 2635 } } };
    const validToken = object === tokens.igUserId || media.has(object) ? tokens.igAccessToken : tokens.pageAccessToken;
    if (token !== validToken) return { status: 400, body: { error: { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190 } } };
    const fields = Object.fromEntries(params.entries());
    if (request.method === 'POST' && object === tokens.pageId && edge === 'feed') {
      const id = `${tokens.pageId}_${next++}`;
      posts.set(id, fields);
      return { status: 200, body: { id } };
    }
    if (request.method === 'POST' && object === tokens.pageId && edge === 'photos') {
      const source = form?.get('source');
      if (!fields.url && !(source instanceof File)) return { status: 400, body: { error: { message: 'Requires one of the params: url, source', code: 324 } } };
      const photo = String(next++);
      const id = `${tokens.pageId}_${photo}`;
      posts.set(id, fields);
      if (source instanceof File) uploads.set(id, { fileName: source.name, contentType: source.type, bytes: Buffer.from(await source.arrayBuffer()) });
      return { status: 200, body: { id: photo, post_id: id } };
    }
    if (request.method === 'DELETE' && !edge) {
      return posts.delete(object) ? { status: 200, body: { success: true } } : { status: 404, body: { error: { message: `Unsupported delete request. Object with ID '${object}' does not exist`, code: 100 } } };
    }
    if (request.method === 'POST' && object === tokens.igUserId && edge === 'media') {
      if (!fields.image_url) return { status: 400, body: { error: { message: 'The parameter image_url is required', code: 100 } } };
      const id = String(next++);
      containers.set(id, fields);
      return { status: 200, body: { id } };
    }
    if (request.method === 'POST' && object === tokens.igUserId && edge === 'media_publish') {
      const container = containers.get(fields.creation_id);
      if (!container) return { status: 400, body: { error: { message: 'Media ID is not available', code: 9007 } } };
      const id = String(next++);
      media.set(id, container);
      return { status: 200, body: { id } };
    }
    if (request.method === 'GET' && media.has(object) && !edge) return { status: 200, body: { id: object, permalink: `https://www.instagram.com/p/Q${object}/` } };
    return { status: 400, body: { error: { message: `Unsupported ${request.method} request for ${request.path}`, code: 100 } } };
  });
  return { graphUrl: `${server.url}/v21.0`, requests: server.requests, posts, uploads, media, close: server.close };
}

export async function startLinkedInServer(accessToken: string) {
  const posts = new Map<string, Record<string, unknown>>();
  const images = new Map<string, Buffer | null>();
  let next = 7_000_000;
  let baseUrl = '';
  const server = await startHttpServer((request) => {
    const upload = /^\/upload\/(\d+)$/.exec(request.path);
    if (upload && request.method === 'PUT') {
      if (request.headers.authorization !== `Bearer ${accessToken}` || !images.has(`urn:li:image:${upload[1]}`)) return { status: 401 };
      images.set(`urn:li:image:${upload[1]}`, request.raw);
      return { status: 201 };
    }
    if (request.headers.authorization !== `Bearer ${accessToken}`) return { status: 401, body: { status: 401, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' } };
    if (!/^\d{6}$/.test(String(request.headers['linkedin-version'])) || request.headers['x-restli-protocol-version'] !== '2.0.0') {
      return { status: 426, body: { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version is not active' } };
    }
    if (request.method === 'POST' && request.path === '/rest/images' && request.query.get('action') === 'initializeUpload') {
      const id = next++;
      images.set(`urn:li:image:${id}`, null);
      return { status: 200, body: { value: { uploadUrlExpiresAt: Date.now() + 3_600_000, uploadUrl: `${baseUrl}/upload/${id}`, image: `urn:li:image:${id}` } } };
    }
    if (request.method === 'POST' && request.path === '/rest/posts') {
      const body = JSON.parse(request.body) as Record<string, unknown> & { content?: { media?: { id?: string } } };
      if (!/^urn:li:organization:\d+$/.test(String(body.author)) || body.lifecycleState !== 'PUBLISHED' || !body.commentary) {
        return { status: 422, body: { status: 422, message: 'ERROR :: /author :: is not a valid organization urn' } };
      }
      const media = body.content?.media?.id;
      if (media && !images.get(media)) return { status: 422, body: { status: 422, message: `ERROR :: /content/media/id :: ${media} was not uploaded` } };
      const urn = `urn:li:share:${next++}`;
      posts.set(urn, body);
      return { status: 201, headers: { 'x-restli-id': urn } };
    }
    const byUrn = /^\/rest\/posts\/(.+)$/.exec(request.path);
    if (request.method === 'DELETE' && byUrn) {
      return posts.delete(decodeURIComponent(byUrn[1])) ? { status: 204 } : { status: 404, body: { status: 404, message: 'Not found' } };
    }
    return { status: 404, body: { status: 404, message: 'Not found' } };
  });
  baseUrl = server.url;
  return { apiUrl: `${server.url}/rest`, requests: server.requests, posts, images, close: server.close };
}
