import { createHash, randomUUID } from 'node:crypto';
import { AiOperations, SourceView } from '@quartier/contracts-ai';
import { DocumentEvent, PortfolioSubjects } from '@quartier/contracts-portfolio';
import { DomainEvent } from '@quartier/contracts-shared';
import { publishEvent } from '@quartier/messaging';
import { testCaller } from '@quartier/testing';
import { AiStack, send, startAiStack } from './support/ai-stack';
import { StandInError, standInServices } from './support/services-stand-in';

const CHUNK_BYTES = 16;

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

describe('ai indexes documents uploaded to portfolio', () => {
  let ai: AiStack;
  let services: ReturnType<typeof standInServices>;
  const org = randomUUID();
  const manager = testCaller(org, { roles: ['manager'], scopes: ['read', 'write', 'delete'] });
  /** Stand-in document store: documentId → version → bytes. */
  const files = new Map<string, Map<number, { fileName: string; contentType: string; bytes: Buffer }>>();

  const store = (documentId: string, version: number, fileName: string, contentType: string, text: string) => {
    const versions = files.get(documentId) ?? new Map();
    versions.set(version, { fileName, contentType, bytes: Buffer.from(text) });
    files.set(documentId, versions);
    const bytes = Buffer.from(text);
    return { version, fileName, contentType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  };
  const event = (type: string, payload: object): DomainEvent => ({ id: randomUUID(), type, organizationId: org, occurredAt: new Date().toISOString(), payload });
  const sources = () => send(ai.stack,AiOperations.sourcesList, {}, manager);

  beforeAll(async () => {
    ai = await startAiStack();
    services = standInServices(ai.stack.nats, ai.stack.prefix, {
      [PortfolioSubjects.documentsDownload]: (data) => {
        const { id, version } = data as { id: string; version: number };
        const file = files.get(id)?.get(version);
        if (!file) throw new StandInError({ status: 404, code: 'NOT_FOUND', message: 'Document not found' });
        const sha256 = createHash('sha256').update(file.bytes).digest('hex');
        return { documentId: id, version, fileName: file.fileName, contentType: file.contentType, size: file.bytes.length, sha256, chunkBytes: CHUNK_BYTES };
      },
      [PortfolioSubjects.documentsDownloadChunk]: (data) => {
        const { id, version, offset } = data as { id: string; version: number; offset: number };
        const file = files.get(id)?.get(version);
        return { data: (file?.bytes ?? Buffer.alloc(0)).subarray(offset, offset + CHUNK_BYTES).toString('base64') };
      },
    });
  });
  afterAll(async () => {
    services?.stop();
    await ai?.teardown();
  });

  it('ingests an uploaded text document read in chunks, replaces it with a new version and removes it when deleted', async () => {
    const documentId = randomUUID();
    const uploader = randomUUID();
    const first = store(documentId, 1, 'rules.txt', 'text/plain', 'Quiet hours begin at 22:00 in the Lindenhof building.');
    await publishEvent(ai.stack.nats, ai.stack.prefix, event(DocumentEvent.UPLOADED, { ...first, documentId, title: 'Lindenhof rules', category: 'other', tags: [], propertyId: null, buildingId: null, unitId: null, leaseId: null, contactId: null, folderId: null, uploadedBy: uploader }));
    const indexed = await waitFor(sources, (page) => page.items.some((item) => item.status === 'ready'));
    expect(indexed.items).toEqual([expect.objectContaining({ title: 'Lindenhof rules', sourceRef: `portfolio-document:${documentId}`, kind: 'portfolio_document', revision: 1 })]);
    const download = services.seen.find((seen) => seen.subject === PortfolioSubjects.documentsDownload);
    expect(download).toMatchObject({ organizationId: org, userId: uploader });
    const answer = await send(ai.stack,AiOperations.chat, { message: 'When do quiet hours begin in Lindenhof?' }, manager);
    expect(answer.citations[0]).toMatchObject({ title: 'Lindenhof rules' });

    const second = store(documentId, 2, 'rules-v2.md', 'text/markdown', 'Quiet hours begin at 21:00 in the Lindenhof building from 2027.');
    await publishEvent(ai.stack.nats, ai.stack.prefix, event(DocumentEvent.VERSION_ADDED, { ...second, documentId, comment: null, uploadedBy: uploader }));
    const replaced = await waitFor(sources, (page) => page.items[0]?.revision === 2 && page.items[0].status === 'ready');
    expect(replaced.items).toEqual([expect.objectContaining({ title: 'Lindenhof rules', fileName: 'rules-v2.md', revision: 2, chunkCount: 1 })]);
    const contents = [...(ai.qdrant.collections.get(ai.collection)?.points.values() ?? [])].map((point) => point.payload.content);
    expect(contents).toEqual(['Quiet hours begin at 21:00 in the Lindenhof building from 2027.']);

    await publishEvent(ai.stack.nats, ai.stack.prefix, event(DocumentEvent.DELETED, { documentId, title: 'Lindenhof rules', versions: 2, size: 10 }));
    expect((await waitFor(sources, (page) => page.total === 0)).total).toBe(0);
    expect(ai.qdrant.collections.get(ai.collection)?.points.size).toBe(0);
  });

  it('leaves nothing half-done when Ollama is down and indexes the document once it is back', async () => {
    const documentId = randomUUID();
    const file = store(documentId, 1, 'heating.txt', 'text/plain', 'The heating is serviced every October.');
    ai.ollama.state.down = true;
    try {
      await publishEvent(ai.stack.nats, ai.stack.prefix, event(DocumentEvent.UPLOADED, { ...file, documentId, title: 'Heating', category: 'other', tags: [], propertyId: null, buildingId: null, unitId: null, leaseId: null, contactId: null, folderId: null, uploadedBy: null }));
      await waitFor(async () => ai.ollama.state.embedInputs.length, () => false, 1500);
      expect((await sources()).items.filter((item) => item.title === 'Heating')).toEqual([]);
    } finally {
      ai.ollama.state.down = false;
    }
    const indexed = await waitFor(sources, (page) => page.items.some((item) => item.title === 'Heating' && item.status === 'ready'), 15_000);
    expect(indexed.items.filter((item) => item.title === 'Heating')).toEqual([expect.objectContaining({ status: 'ready', revision: 1, chunkCount: 1 })]);
    await publishEvent(ai.stack.nats, ai.stack.prefix, event(DocumentEvent.DELETED, { documentId, title: 'Heating', versions: 1, size: 1 }));
    await waitFor(sources, (page) => !page.items.some((item) => item.title === 'Heating'));
  });

  it('skips files it cannot read and documents that are gone', async () => {
    const image = randomUUID();
    const gone = randomUUID();
    const readable = randomUUID();
    const common = { category: 'other', tags: [], propertyId: null, buildingId: null, unitId: null, leaseId: null, contactId: null, folderId: null, uploadedBy: null };
    await publishEvent(ai.stack.nats, ai.stack.prefix, event(DocumentEvent.UPLOADED, { ...common, ...store(image, 1, 'photo.jpg', 'image/jpeg', 'jpeg'), documentId: image, title: 'Photo' }));
    await publishEvent(ai.stack.nats, ai.stack.prefix, event(DocumentEvent.UPLOADED, { ...common, version: 1, fileName: 'gone.txt', contentType: 'text/plain', size: 5, sha256: 'x', documentId: gone, title: 'Gone' }));
    await publishEvent(ai.stack.nats, ai.stack.prefix, event(DocumentEvent.UPLOADED, { ...common, ...store(readable, 1, 'faq.txt', 'text/plain', 'The caretaker is Mrs. Kaya.'), documentId: readable, title: 'FAQ' }));
    const page = await waitFor(sources, (result) => result.total > 0);
    expect(page.items.map((item: SourceView) => item.title)).toEqual(['FAQ']);
  });
});
