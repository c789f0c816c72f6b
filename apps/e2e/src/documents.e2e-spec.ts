import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import WebSocket from 'ws';
import { E2eSuite, startE2eSuite } from './support/suite';
import { Session, bearer, propertyBody, registerOrganization } from './support/session';

const MAX_BYTES = 3 * 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function pdfOf(size: number): Buffer {
  const bytes = randomBytes(size);
  Buffer.from('%PDF-1.7\n').copy(bytes);
  return bytes;
}

/** Collects a binary response body as it arrived. */
function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

/**
 * The document store over HTTP: multipart uploads through the gateway, files larger than one NATS
 * message both ways, versions, folders, limits and organization isolation.
 */
describe('documents end to end', () => {
  let suite: E2eSuite;
  let storageDir: string;
  let owner: Session;
  let other: Session;
  const api = () => request(suite.baseUrl);

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'qt-e2e-documents-'));
    suite = await startE2eSuite({ DOCUMENT_STORAGE_DIR: storageDir, DOCUMENT_MAX_BYTES: String(MAX_BYTES) });
    owner = await registerOrganization(suite.baseUrl, 'Dokumente Hausverwaltung');
    other = await registerOrganization(suite.baseUrl, 'Andere Verwaltung');
  });

  afterAll(async () => {
    await suite?.stop();
    await rm(storageDir, { recursive: true, force: true });
  });

  const storedFiles = async (organizationId: string): Promise<string[]> =>
    (await readdir(join(storageDir, organizationId), { recursive: true, withFileTypes: true }).catch(() => [])).filter((entry) => entry.isFile()).map((entry) => entry.name);

  it('uploads, lists, adds a version, downloads the same bytes of each version and deletes everything', async () => {
    const property = await api().post('/properties').set(bearer(owner)).send(propertyBody()).expect(201);
    const first = pdfOf(1_600_000);
    const created = await api()
      .post('/documents')
      .set(bearer(owner))
      .field('category', 'lease_contract')
      .field('tags', '2025, unterschrieben')
      .field('propertyId', property.body.id)
      .field('comment', 'Original')
      .attach('file', first, { filename: 'Mietvertrag Müller.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(created.body).toMatchObject({
      title: 'Mietvertrag Müller',
      category: 'lease_contract',
      tags: ['2025', 'unterschrieben'],
      propertyId: property.body.id,
      versionCount: 1,
      currentVersion: { number: 1, fileName: 'Mietvertrag Müller.pdf', contentType: 'application/pdf', size: first.length, sha256: sha256(first), comment: 'Original' },
    });
    expect(JSON.stringify(created.body)).not.toMatch(/storage|qt-e2e/i);
    const id: string = created.body.id;

    const listed = await api().get('/documents').query({ propertyId: property.body.id, q: 'müller' }).set(bearer(owner)).expect(200);
    expect(listed.body).toMatchObject({ total: 1, page: 1, items: [{ id }] });
    expect((await api().get('/documents').query({ category: 'invoice' }).set(bearer(owner)).expect(200)).body.total).toBe(0);

    const second = Buffer.from('Wohnung;Miete\nWE 1;850,00\n');
    const versioned = await api()
      .post(`/documents/${id}/versions`)
      .set(bearer(owner))
      .attach('file', second, { filename: 'mieten.csv', contentType: 'text/csv' })
      .field('comment', 'Als Tabelle')
      .expect(201);
    expect(versioned.body.currentVersion).toMatchObject({ number: 2, contentType: 'text/csv', comment: 'Als Tabelle', sha256: sha256(second) });
    const versions = await api().get(`/documents/${id}/versions`).set(bearer(owner)).expect(200);
    expect(versions.body.items.map((version: { number: number }) => version.number)).toEqual([2, 1]);

    const current = await api().get(`/documents/${id}/download`).set(bearer(owner)).buffer(true).parse(binary).expect(200);
    expect(current.headers['content-type']).toContain('text/csv');
    expect(current.headers['content-disposition']).toBe(`attachment; filename="mieten.csv"; filename*=UTF-8''mieten.csv`);
    expect((current.body as Buffer).equals(second)).toBe(true);
    const original = await api().get(`/documents/${id}/versions/1/download`).set(bearer(owner)).buffer(true).parse(binary).expect(200);
    expect(original.headers['content-type']).toBe('application/pdf');
    expect(original.headers['content-length']).toBe(String(first.length));
    expect(original.headers['content-disposition']).toContain(`filename*=UTF-8''Mietvertrag%20M%C3%BCller.pdf`);
    expect((original.body as Buffer).equals(first)).toBe(true);
    expect(original.headers['repr-digest']).toBe(`sha-256=:${createHash('sha256').update(first).digest('base64')}:`);
    expect((await api().get(`/documents/${id}/download`).query({ version: 1 }).set(bearer(owner)).buffer(true).parse(binary).expect(200)).body.equals(first)).toBe(true);
    await api().get(`/documents/${id}/versions/3/download`).set(bearer(owner)).expect(404);
    const preview = await api().get(`/documents/${id}/versions/1/download`).query({ inline: true }).set(bearer(owner)).buffer(true).parse(binary).expect(200);
    expect(preview.headers['content-disposition']).toMatch(/^inline; /);

    expect((await api().get('/documents/usage').set(bearer(owner)).expect(200)).body).toEqual({
      documents: 1,
      storageBytes: first.length + second.length,
      plan: 'starter',
      limits: { documents: 100, storageBytes: 1024 ** 3 },
    });
    expect(await storedFiles(owner.organizationId)).toHaveLength(2);
    await api().delete(`/documents/${id}`).set(bearer(owner)).expect(204);
    await api().get(`/documents/${id}`).set(bearer(owner)).expect(404);
    await api().get(`/documents/${id}/download`).set(bearer(owner)).expect(404);
    expect(await storedFiles(owner.organizationId)).toHaveLength(0);
  });

  it('answers a file over the size limit with 413, a wrong type with 415 and bad fields with 422, storing nothing', async () => {
    const session = await registerOrganization(suite.baseUrl, 'Grenzen GmbH');
    const tooLarge = await api().post('/documents').set(bearer(session)).attach('file', pdfOf(MAX_BYTES + 1), 'gross.pdf').expect(413);
    expect(tooLarge.headers['content-type']).toContain('application/problem+json');
    expect(tooLarge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { maxBytes: MAX_BYTES } });

    const executable = Buffer.concat([Buffer.from('MZ'), randomBytes(5000)]);
    expect((await api().post('/documents').set(bearer(session)).attach('file', executable, 'rechnung.pdf').expect(415)).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    await api().post('/documents').set(bearer(session)).attach('file', executable, 'setup.exe').expect(415);
    await api().post('/documents').set(bearer(session)).send({ title: 'kein multipart' }).expect(415);

    await api().post('/documents').set(bearer(session)).field('title', 'ohne Datei').expect(422);
    const invalid = await api()
      .post('/documents')
      .set(bearer(session))
      .field('category', 'steuer')
      .field('propertyId', 'nope')
      .field('secret', 'x')
      .attach('file', pdfOf(100), 'a.pdf')
      .expect(422);
    expect(invalid.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['category', 'propertyId', 'secret']);
    await api().post('/documents').set(bearer(session)).field('propertyId', randomUUID()).attach('file', pdfOf(100), 'a.pdf').expect(404);
    await api().get('/documents').query({ sort: 'storageKey' }).set(bearer(session)).expect(422);
    await api().get('/documents/not-a-uuid').set(bearer(session)).expect(422);

    expect((await api().get('/documents').set(bearer(session)).expect(200)).body.total).toBe(0);
    expect((await api().get('/documents/usage').set(bearer(session)).expect(200)).body).toMatchObject({ documents: 0, storageBytes: 0 });
  });

  it("answers another organization's documents, versions, downloads and folders with 404", async () => {
    const property = await api().post('/properties').set(bearer(owner)).send(propertyBody({ name: 'Nur meins' })).expect(201);
    const folder = await api().post('/documents/folders').set(bearer(owner)).send({ name: 'Privat' }).expect(201);
    const bytes = pdfOf(1000);
    const created = await api()
      .post('/documents/upload')
      .set(bearer(owner))
      .field('folderId', folder.body.id)
      .attach('file', bytes, 'geheim.pdf')
      .expect(201);
    const id: string = created.body.id;

    await api().get(`/documents/${id}`).set(bearer(other)).expect(404);
    await api().get(`/documents/${id}/download`).set(bearer(other)).expect(404);
    await api().get(`/documents/${id}/versions/1/download`).set(bearer(other)).expect(404);
    await api().get(`/documents/${id}/versions`).set(bearer(other)).expect(404);
    await api().patch(`/documents/${id}`).set(bearer(other)).send({ title: 'Meins' }).expect(404);
    await api().post(`/documents/${id}/versions`).set(bearer(other)).attach('file', pdfOf(100), 'b.pdf').expect(404);
    await api().delete(`/documents/${id}`).set(bearer(other)).expect(404);
    await api().get(`/documents/folders/${folder.body.id}`).set(bearer(other)).expect(404);
    await api().delete(`/documents/folders/${folder.body.id}`).set(bearer(other)).expect(404);
    await api().post('/documents').set(bearer(other)).field('propertyId', property.body.id).attach('file', pdfOf(100), 'c.pdf').expect(404);
    await api().post('/documents').set(bearer(other)).field('folderId', folder.body.id).attach('file', pdfOf(100), 'c.pdf').expect(404);
    expect((await api().get('/documents').query({ folderId: folder.body.id }).set(bearer(other)).expect(200)).body.total).toBe(0);

    const mine = await api().get(`/documents/${id}/download`).set(bearer(owner)).buffer(true).parse(binary).expect(200);
    expect((mine.body as Buffer).equals(bytes)).toBe(true);
  });

  it('keeps folders as a tree with unique sibling names (409) and refuses to delete a non-empty folder (409)', async () => {
    const session = await registerOrganization(suite.baseUrl, 'Ordner GmbH');
    const root = await api().post('/documents/folders').set(bearer(session)).send({ name: 'Objekte' }).expect(201);
    const child = await api().post('/documents/folders').set(bearer(session)).send({ name: 'Haus A', parentId: root.body.id }).expect(201);
    expect((await api().post('/documents/folders').set(bearer(session)).send({ name: 'objekte' }).expect(409)).body.code).toBe('FOLDER_NAME_TAKEN');
    await api().patch(`/documents/folders/${root.body.id}`).set(bearer(session)).send({ parentId: child.body.id }).expect(422);
    await api().post('/documents').set(bearer(session)).field('folderId', child.body.id).attach('file', pdfOf(100), 'plan.pdf').expect(201);

    const tree = await api().get('/documents/folders').set(bearer(session)).expect(200);
    expect(tree.body.items).toMatchObject([{ name: 'Objekte', documentCount: 0, children: [{ name: 'Haus A', documentCount: 1, children: [] }] }]);
    expect((await api().delete(`/documents/folders/${child.body.id}`).set(bearer(session)).expect(409)).body.code).toBe('FOLDER_NOT_EMPTY');
    await api().delete(`/documents/folders/${root.body.id}`).set(bearer(session)).expect(409);
  });

  it("announces uploads over the WebSocket to the organization's clients only", async () => {
    const listen = async (session: Session) => {
      const events: { type: string; payload: { documentId?: string } }[] = [];
      const socket = new WebSocket(`${suite.baseUrl.replace(/^http/, 'ws')}/ws`, { headers: bearer(session) });
      const ready = new Promise<void>((resolve, reject) => {
        socket.on('error', reject);
        socket.on('message', (data) => {
          const message = JSON.parse(String(data)) as { type: string; event?: { type: string; payload: { documentId?: string } } };
          if (message.type === 'ready') resolve();
          if (message.type === 'event' && message.event?.type.startsWith('portfolio.document.')) events.push(message.event);
        });
      });
      await ready;
      return { events, close: () => socket.close() };
    };
    const waitFor = async (events: { payload: { documentId?: string } }[], documentId: string) => {
      for (let tries = 0; tries < 100 && !events.some((event) => event.payload.documentId === documentId); tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const mine = await listen(owner);
    const theirs = await listen(other);
    try {
      const created = await api().post('/documents').set(bearer(owner)).attach('file', pdfOf(100), 'protokoll.pdf').expect(201);
      await waitFor(mine.events, created.body.id);
      expect(mine.events).toContainEqual(expect.objectContaining({ type: 'portfolio.document.uploaded', payload: expect.objectContaining({ documentId: created.body.id, version: 1 }) }));
      // Their own upload reaches them, and ours never did.
      const theirDocument = await api().post('/documents').set(bearer(other)).attach('file', pdfOf(100), 'andere.pdf').expect(201);
      await waitFor(theirs.events, theirDocument.body.id);
      expect(theirs.events.map((event) => event.payload.documentId)).toEqual([theirDocument.body.id]);
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('documents every document route in the OpenAPI description', async () => {
    const response = await request(suite.baseUrl.replace(/\/api\/v1$/, '')).get('/docs-json').expect(200);
    const paths = response.body.paths as Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
    const documented = Object.entries(paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented).toEqual(
      expect.arrayContaining([
        'GET /api/v1/documents',
        'POST /api/v1/documents',
        'POST /api/v1/documents/upload',
        'GET /api/v1/documents/usage',
        'GET /api/v1/documents/{id}',
        'PATCH /api/v1/documents/{id}',
        'DELETE /api/v1/documents/{id}',
        'GET /api/v1/documents/{id}/download',
        'POST /api/v1/documents/{id}/versions',
        'GET /api/v1/documents/{id}/versions',
        'GET /api/v1/documents/{id}/versions/{version}/download',
        'GET /api/v1/documents/folders',
        'POST /api/v1/documents/folders',
        'GET /api/v1/documents/folders/{id}',
        'PATCH /api/v1/documents/folders/{id}',
        'DELETE /api/v1/documents/folders/{id}',
      ]),
    );
    expect(Object.keys(paths['/api/v1/documents'].post.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
  });
});
