import { randomUUID } from 'node:crypto';
import { JSONCodec, Subscription } from 'nats';
import PDFDocument from 'pdfkit';
import { AiEvent, AiOperations } from '@quartier/contracts-ai';
import { DomainEvent } from '@quartier/contracts-shared';
import { testCaller } from '@quartier/testing';
import { aiService } from '../src/ai.service-app';
import { AiStack, DIMENSION, rpcFailure, send, startAiStack } from './support/ai-stack';

const HOUSE_RULES = [
  'Pets: cats and small dogs are welcome with the written consent of the property manager.',
  'Quiet hours are from 22:00 to 06:00 on every day of the week.',
  'Bicycles belong in the bicycle cellar, never in the staircase.',
  'Rubbish bins are emptied on Tuesday mornings; put them out on Monday evening.',
  'Barbecues with charcoal are not allowed on balconies; electric grills are fine.',
  'The laundry room is open from 07:00 to 21:00, please clean the lint filter after use.',
].join('\n\n');

function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const parts: Buffer[] = [];
    doc.on('data', (part: Buffer) => parts.push(part));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.text(text);
    doc.end();
  });
}

describe('ai sources: ingest, upload, re-ingest, delete', () => {
  let ai: AiStack;
  const orgA = randomUUID();
  const orgB = randomUUID();
  const managerA = testCaller(orgA, { roles: ['manager'], scopes: ['read', 'write', 'delete'] });
  const managerB = testCaller(orgB, { roles: ['manager'], scopes: ['read', 'write', 'delete'] });

  const events: DomainEvent[] = [];
  let subscription: Subscription;

  beforeAll(async () => {
    ai = await startAiStack();
    subscription = ai.stack.nats.subscribe(`${ai.stack.prefix}.events.ai.source.>`, {
      callback: (_error, message) => events.push(JSONCodec<DomainEvent>().decode(message.data)),
    });
  });
  afterAll(async () => {
    subscription?.unsubscribe();
    await ai?.teardown();
  });

  const eventsOf = async (type: string, sourceId: string) => {
    for (let i = 0; i < 50 && !events.some((event) => event.type === type && (event.payload as { sourceId: string }).sourceId === sourceId); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return events.filter((event) => event.type === type && (event.payload as { sourceId: string }).sourceId === sourceId);
  };

  const points = () => [...(ai.qdrant.collections.get(ai.collection)?.points.values() ?? [])];
  const chunkRows = (sourceId: string) =>
    ai.query<{ id: string; position: number }>('SELECT id, position FROM ai.chunks WHERE source_id = $1 ORDER BY position', [sourceId]);

  it('creates the collection at boot with the embedding dimension', () => {
    expect(ai.qdrant.collections.get(ai.collection)?.size).toBe(DIMENSION);
  });

  it('ingests text into overlapping chunks stored in Postgres and in Qdrant under the organization', async () => {
    const source = await send(ai.stack, AiOperations.ingest, { title: 'House rules', text: HOUSE_RULES }, managerA);
    expect(source).toMatchObject({ title: 'House rules', sourceRef: 'House rules', kind: 'text', visibility: 'staff', status: 'ready', revision: 1 });
    expect(source.chunkCount).toBeGreaterThan(1);
    const rows = await chunkRows(source.id);
    expect(rows.map((row) => row.position)).toEqual([...Array(source.chunkCount).keys()]);
    const mine = points().filter((point) => point.payload.source_id === source.id);
    expect(mine.map((point) => point.id).sort()).toEqual(rows.map((row) => row.id).sort());
    for (const point of mine) expect(point.payload).toMatchObject({ organization_id: orgA, title: 'House rules', visibility: 'staff' });
    expect(await eventsOf(AiEvent.SOURCE_INDEXED, source.id)).toEqual([
      expect.objectContaining({ organizationId: orgA, payload: { sourceId: source.id, title: 'House rules', kind: 'text', revision: 1, chunkCount: source.chunkCount } }),
    ]);
  });

  it('stores text with NUL characters (which Postgres refuses) without them', async () => {
    const source = await send(ai.stack, AiOperations.ingest, { title: 'Scan\u0000 export', text: 'Meter\u0000 room is in the basement.' }, managerA);
    expect(source).toMatchObject({ title: 'Scan  export', status: 'ready' });
    expect(await ai.query('SELECT content FROM ai.chunks WHERE source_id = $1', [source.id])).toEqual([{ content: 'Meter room is in the basement.' }]);
  });

  it('replaces the chunks when the same reference is ingested again', async () => {
    const first = await send(ai.stack, AiOperations.ingest, { title: 'Parking', sourceRef: 'doc-parking', text: 'Parking spaces cost 40 EUR per month.' }, managerA);
    const oldIds = (await chunkRows(first.id)).map((row) => row.id);
    const second = await send(ai.stack,
      AiOperations.ingest,
      { title: 'Parking 2027', sourceRef: 'doc-parking', text: 'Parking spaces cost 55 EUR per month from January.' },
      managerA,
    );
    expect(second).toMatchObject({ id: first.id, title: 'Parking 2027', revision: 2, status: 'ready', chunkCount: 1 });
    const newRows = await chunkRows(first.id);
    expect(newRows).toHaveLength(1);
    expect(oldIds).not.toContain(newRows[0].id);
    const stored = points().filter((point) => point.payload.source_id === first.id);
    expect(stored.map((point) => point.payload.content)).toEqual(['Parking spaces cost 55 EUR per month from January.']);
  });

  it('reads uploaded PDF, Markdown and CSV files', async () => {
    const upload = (fileName: string, contentType: string, bytes: Buffer) =>
      send(ai.stack, AiOperations.upload, { fileName, contentType, data: bytes.toString('base64') }, managerA);
    const fromPdf = await upload('heating.pdf', 'application/pdf', await pdf('The boiler is serviced every October by Heizung GmbH.'));
    expect(fromPdf).toMatchObject({ title: 'heating.pdf', kind: 'upload', contentType: 'application/pdf', status: 'ready', chunkCount: 1 });
    const [chunk] = await ai.query<{ content: string }>('SELECT content FROM ai.chunks WHERE source_id = $1', [fromPdf.id]);
    expect(chunk.content).toBe('The boiler is serviced every October by Heizung GmbH.');
    const fromCsv = await upload('units.csv', 'text/csv', Buffer.from('unit,rent\n1A,850\n2B,910\n'));
    const [csvChunk] = await ai.query<{ content: string }>('SELECT content FROM ai.chunks WHERE source_id = $1', [fromCsv.id]);
    expect(csvChunk.content).toBe('unit: 1A; rent: 850\nunit: 2B; rent: 910');
    expect(await upload('faq.md', 'application/octet-stream', Buffer.from('# FAQ\n\nKeys are at the office.'))).toMatchObject({ contentType: 'text/markdown' });
  });

  it('refuses other files with 415 and empty documents with 422, storing nothing', async () => {
    const before = (await send(ai.stack, AiOperations.sourcesList, {}, managerA)).total;
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString('base64');
    expect(await rpcFailure(ai.stack, AiOperations.upload, { fileName: 'plan.pdf', contentType: 'application/pdf', data: png }, managerA)).toMatchObject({
      status: 415,
      code: 'UNSUPPORTED_DOCUMENT',
    });
    expect(await rpcFailure(ai.stack, AiOperations.upload, { fileName: 'plan.png', contentType: 'image/png', data: png }, managerA)).toMatchObject({ status: 415 });
    expect(await rpcFailure(ai.stack, AiOperations.ingest, { title: 'Blank', text: ' \n\n ' }, managerA)).toMatchObject({ status: 422, code: 'DOCUMENT_EMPTY' });
    expect((await send(ai.stack, AiOperations.sourcesList, {}, managerA)).total).toBe(before);
  });

  it("answers another organization's sources as missing and lists only the organization's own", async () => {
    const source = await send(ai.stack, AiOperations.ingest, { title: 'Secret', text: 'Owner meeting on Friday.' }, managerA);
    expect(await rpcFailure(ai.stack, AiOperations.sourcesGet, { id: source.id }, managerB)).toMatchObject({ status: 404 });
    expect(await rpcFailure(ai.stack, AiOperations.sourcesDelete, { id: source.id }, managerB)).toMatchObject({ status: 404 });
    expect((await send(ai.stack, AiOperations.sourcesList, {}, managerB)).total).toBe(0);
    expect(points().some((point) => point.payload.source_id === source.id)).toBe(true);
  });

  it('keeps residents and read-only staff away from the document index', async () => {
    const resident = testCaller(orgA, { roles: ['resident'], scopes: ['read', 'write'] });
    const viewer = testCaller(orgA, { roles: ['viewer'], scopes: ['read'] });
    expect(await rpcFailure(ai.stack, AiOperations.sourcesList, {}, resident)).toMatchObject({ status: 403 });
    expect(await rpcFailure(ai.stack, AiOperations.ingest, { title: 'x', text: 'y' }, viewer)).toMatchObject({ status: 403 });
    expect((await send(ai.stack, AiOperations.sourcesList, {}, viewer)).total).toBeGreaterThan(0);
  });

  it('deletes a source with its chunks and points', async () => {
    const source = await send(ai.stack, AiOperations.ingest, { title: 'Old notice', text: 'The lift is out of order.' }, managerA);
    await send(ai.stack, AiOperations.sourcesDelete, { id: source.id }, managerA);
    expect(await rpcFailure(ai.stack, AiOperations.sourcesGet, { id: source.id }, managerA)).toMatchObject({ status: 404 });
    expect(await chunkRows(source.id)).toEqual([]);
    expect(points().some((point) => point.payload.source_id === source.id)).toBe(false);
    expect(await eventsOf(AiEvent.SOURCE_DELETED, source.id)).toEqual([expect.objectContaining({ payload: { sourceId: source.id, title: 'Old notice' } })]);
  });

  it('marks sources cut off by a restart as failed at the next boot', async () => {
    const stuck = await send(ai.stack, AiOperations.ingest, { title: 'Stuck', text: 'Half way through.' }, managerA);
    const busy = await send(ai.stack, AiOperations.ingest, { title: 'Busy', text: 'Still going.' }, managerA);
    await ai.query("UPDATE ai.sources SET status = 'processing', updated_at = now() - interval '2 hours' WHERE id = $1", [stuck.id]);
    await ai.query("UPDATE ai.sources SET status = 'processing' WHERE id = $1", [busy.id]);
    await ai.stack.stop('ai');
    await ai.stack.start(aiService);
    expect(await send(ai.stack, AiOperations.sourcesGet, { id: stuck.id }, managerA)).toMatchObject({
      status: 'failed',
      error: 'Ingestion was interrupted; ingest the document again',
    });
    expect(await send(ai.stack, AiOperations.sourcesGet, { id: busy.id }, managerA)).toMatchObject({ status: 'processing' });
  });

  it('marks the source failed and answers 503 when Ollama is down', async () => {
    await ai.ollama.close();
    const error = await rpcFailure(ai.stack, AiOperations.ingest, { title: 'Offline', text: 'Written while Ollama was down.' }, managerA);
    expect(error).toMatchObject({ status: 503, code: 'LLM_UNAVAILABLE' });
    const list = await send(ai.stack, AiOperations.sourcesList, { status: 'failed' }, managerA);
    const failed = list.items.find((item) => item.title === 'Offline');
    expect(failed).toMatchObject({ status: 'failed', error: 'Ollama is not available' });
    expect(await eventsOf(AiEvent.SOURCE_FAILED, failed?.id ?? '')).toEqual([
      expect.objectContaining({ payload: { sourceId: failed?.id, title: 'Offline', error: 'Ollama is not available' } }),
    ]);
  });
});

describe('ai with a collection of another dimension', () => {
  let ai: AiStack;

  beforeAll(async () => {
    ai = await startAiStack();
  });
  afterAll(async () => {
    await ai?.teardown();
  });

  it('answers 503 and reports the collection as unusable instead of mixing vector sizes', async () => {
    const manager = testCaller(randomUUID(), { roles: ['manager'], scopes: ['read', 'write', 'delete'] });
    // The collection was made for another embedding model (32 dimensions, the service embeds 64).
    ai.qdrant.collections.set(ai.collection, { size: DIMENSION / 2, points: new Map() });
    await ai.stack.stop('ai');
    await ai.stack.start(aiService);
    expect(await rpcFailure(ai.stack, AiOperations.ingest, { title: 'Rules', text: 'No pets.' }, manager)).toMatchObject({
      status: 503,
      code: 'VECTOR_STORE_UNAVAILABLE',
    });
    expect(await send(ai.stack, AiOperations.health, {}, manager)).toMatchObject({ qdrant: true, collectionExists: false });
    expect(ai.qdrant.collections.get(ai.collection)).toMatchObject({ size: DIMENSION / 2, points: new Map() });
  });
});
