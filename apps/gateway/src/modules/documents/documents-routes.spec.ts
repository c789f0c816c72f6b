import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import { PortfolioSubjects } from '@quartier/contracts-portfolio';
import { GatewayHarness, respond, startGatewayHarness } from '../../../test/gateway-harness';

const MAX_BYTES = 1000;
const CHUNK_BYTES = 400;
const BROKEN = '00000000-0000-4000-8000-000000000002';
const CORRUPT = '00000000-0000-4000-8000-000000000003';

/** The /api/v1/documents routes against a stand-in portfolio that records what reaches it. */
describe('documents routes', () => {
  let harness: GatewayHarness;
  const received: { subject: string; data: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    harness = await startGatewayHarness();
    for (const subject of Object.values(PortfolioSubjects).filter((name) => name.includes('.documents.'))) {
      respond(harness.stack.nats, harness.stack.prefix, subject, ({ data }) => {
        const payload = data as Record<string, unknown>;
        received.push({ subject, data: payload });
        if (subject === PortfolioSubjects.documentsUploadStart) return { uploadId: randomUUID(), maxBytes: MAX_BYTES, chunkBytes: CHUNK_BYTES };
        if (subject === PortfolioSubjects.documentsUploadChunk) return { receivedBytes: 0 };
        if (subject === PortfolioSubjects.documentsCreate && payload.fileName === 'refused.pdf') {
          throw { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The file must be a PDF, …' };
        }
        if (subject === PortfolioSubjects.documentsDownload) {
          const sha256 = createHash('sha256').update(Buffer.alloc(1000, payload.id === CORRUPT ? 0x42 : 0x41)).digest('hex');
          return { documentId: payload.id, version: 1, fileName: 'Übergabe.pdf', contentType: 'application/pdf', size: 1000, sha256, chunkBytes: CHUNK_BYTES };
        }
        if (subject === PortfolioSubjects.documentsDownloadChunk) {
          if (payload.id === BROKEN && payload.offset !== 0) throw { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'The document storage is unavailable' };
          return { data: Buffer.alloc(Math.min(CHUNK_BYTES, 1000 - Number(payload.offset)), 0x41).toString('base64') };
        }
        return { items: [], total: 0, page: 1, size: 20, pages: 0 };
      });
    }
  });
  afterAll(async () => {
    await harness?.teardown();
  });

  const api = async (role: 'resident' | 'viewer' | 'agent') => {
    const token = await harness.token({ roles: [role] });
    return (method: 'get' | 'post' | 'delete', path: string) => request(harness.url)[method](`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  };
  const subjectsSince = (start: number) => received.slice(start).map((entry) => entry.subject);

  it('keeps residents out entirely and lets viewers read but not upload or delete', async () => {
    const resident = await api('resident');
    await resident('get', '/documents').expect(403);
    await resident('get', '/documents/folders').expect(403);
    await resident('get', `/documents/${randomUUID()}/download`).expect(403);
    const viewer = await api('viewer');
    await viewer('get', '/documents').expect(200);
    await viewer('post', '/documents').attach('file', Buffer.from('%PDF-1.7'), 'a.pdf').expect(403);
    await viewer('delete', `/documents/${randomUUID()}`).expect(403);
  });

  it('streams the file to portfolio in chunks of the announced size and sends the fields with the staged upload', async () => {
    const agent = await api('agent');
    const start = received.length;
    const file = Buffer.concat([Buffer.from('%PDF-1.7'), Buffer.alloc(992, 0x20)]);
    await agent('post', '/documents').attach('file', file, 'plan.pdf').field('tags', 'a,b').field('category', 'floor_plan').expect(201);
    const chunks = received.slice(start).filter((entry) => entry.subject === PortfolioSubjects.documentsUploadChunk);
    expect(chunks.map((chunk) => [chunk.data.index, Buffer.from(String(chunk.data.data), 'base64').length])).toEqual([[0, 400], [1, 400], [2, 200]]);
    expect(Buffer.concat(chunks.map((chunk) => Buffer.from(String(chunk.data.data), 'base64'))).equals(file)).toBe(true);
    const create = received.slice(start).find((entry) => entry.subject === PortfolioSubjects.documentsCreate);
    expect(create?.data).toEqual({ uploadId: chunks[0].data.uploadId, fileName: 'plan.pdf', tags: ['a', 'b'], category: 'floor_plan' });
  });

  it('refuses unaccepted file names before sending any bytes, and discards what was staged on 413, 422 or a refusal by portfolio', async () => {
    const agent = await api('agent');
    let start = received.length;
    await agent('post', '/documents').attach('file', Buffer.from('MZ'), 'setup.exe').expect(415);
    expect(subjectsSince(start)).toEqual([PortfolioSubjects.documentsUploadStart, PortfolioSubjects.documentsUploadDiscard]);

    start = received.length;
    const response = await agent('post', '/documents').attach('file', Buffer.alloc(MAX_BYTES + 1, 0x20), 'big.txt').expect(413);
    expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { maxBytes: MAX_BYTES } });
    expect(subjectsSince(start).at(-1)).toBe(PortfolioSubjects.documentsUploadDiscard);
    expect(subjectsSince(start)).not.toContain(PortfolioSubjects.documentsCreate);

    start = received.length;
    await agent('post', '/documents').field('category', 'nope').attach('file', Buffer.from('%PDF-1.7'), 'a.pdf').expect(422);
    expect(subjectsSince(start).at(-1)).toBe(PortfolioSubjects.documentsUploadDiscard);

    // Refused by portfolio (here: the bytes are not a PDF): the staged upload goes too.
    start = received.length;
    await agent('post', '/documents').attach('file', Buffer.from('MZ not a pdf'), 'refused.pdf').expect(415);
    expect(subjectsSince(start).slice(-2)).toEqual([PortfolioSubjects.documentsCreate, PortfolioSubjects.documentsUploadDiscard]);
  });

  it('sends the file name in Content-Disposition, its SHA-256 in Repr-Digest, and aborts a download that fails half-way or does not match its checksum', async () => {
    const agent = await api('agent');
    const ok = await agent('get', `/documents/${randomUUID()}/download`).expect(200);
    expect(ok.headers['content-length']).toBe('1000');
    expect(ok.headers['content-disposition']).toBe(`attachment; filename="_bergabe.pdf"; filename*=UTF-8''%C3%9Cbergabe.pdf`);
    expect(ok.body).toEqual(Buffer.alloc(1000, 0x41));

    expect(ok.headers['repr-digest']).toBe(`sha-256=:${createHash('sha256').update(ok.body as Buffer).digest('base64')}:`);

    for (const id of [BROKEN, CORRUPT]) {
      const outcome = await agent('get', `/documents/${id}/download`).then(
        (response) => ({ id, complete: true, length: (response.body as Buffer).length }),
        () => ({ id, complete: false }),
      );
      expect(outcome).toEqual({ id, complete: false });
    }
  });
});
