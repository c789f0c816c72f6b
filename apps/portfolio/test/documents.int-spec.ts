import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { Client } from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LimitedResource } from '@quartier/contracts-identity';
import { DocumentOperations, DocumentResponse, FolderOperations, FolderResponse, PortfolioSubjects, UnitOperations, UsageOperations } from '@quartier/contracts-portfolio';
import { AnyOperation, OrgCaller, RequestOf, ResponseOf } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { TestStack, startTestStack } from '@quartier/testing';
import { portfolioService } from '../src/portfolio.service-app';
import { addVersion, collectDocumentEvents, download, pdfOf, stageFile, startPlanLimits, uploadDocument } from './documents-support';
import { organization, rpcFailure, waitFor } from './support';

const MAX_BYTES = 2 * 1024 * 1024;
const STORAGE_LIMIT = 3 * 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('portfolio documents over NATS, stored on local disk', () => {
  let stack: TestStack;
  let storageDir: string;
  let plan: ReturnType<typeof startPlanLimits>;
  let published: ReturnType<typeof collectDocumentEvents>;
  const planOverrides = new Map<string, Partial<Record<LimitedResource, number>>>();

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'qt-documents-'));
    stack = await startTestStack([], { DOCUMENT_STORAGE_DIR: storageDir, DOCUMENT_MAX_BYTES: String(MAX_BYTES) });
    plan = startPlanLimits(stack.nats, stack.prefix, { documents: 100, storage: STORAGE_LIMIT, properties: null }, planOverrides);
    published = collectDocumentEvents(stack.nats, stack.prefix);
    await stack.start(portfolioService);
  });
  afterAll(async () => {
    plan.stop();
    published.stop();
    await stack.teardown();
    await rm(storageDir, { recursive: true, force: true });
  });

  const call = <Operation extends AnyOperation>(operation: Operation, payload: RequestOf<Operation>, caller: OrgCaller): Promise<ResponseOf<Operation>> =>
    new OperationClient(stack.rpc).send(operation, payload, caller);
  const storedFiles = async (organizationId: string): Promise<string[]> =>
    (await readdir(join(storageDir, organizationId), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);

  it('stores a file larger than one NATS message, linked to a unit, and gives the same bytes back', async () => {
    const org = organization(stack);
    const property = await org.property();
    const building = await org.building(property.id);
    const unit = await org.unit(building.id);
    const bytes = pdfOf(1_300_000);

    const document = await uploadDocument(stack, org.caller, bytes, {
      fileName: 'Mietvertrag WE 3.2.pdf',
      category: 'lease_contract',
      tags: ['2025', 'signed', 'Signed'],
      unitId: unit.id,
      comment: 'Unterschrieben',
    });
    expect(document).toMatchObject({
      title: 'Mietvertrag WE 3.2',
      category: 'lease_contract',
      tags: ['2025', 'signed'],
      propertyId: property.id,
      buildingId: building.id,
      unitId: unit.id,
      folderId: null,
      versionCount: 1,
      createdBy: org.caller.userId,
      currentVersion: { number: 1, fileName: 'Mietvertrag WE 3.2.pdf', contentType: 'application/pdf', size: bytes.length, sha256: sha256(bytes), comment: 'Unterschrieben' },
    });
    expect(JSON.stringify(document)).not.toMatch(/storage|qt-documents/i);
    expect(await call(DocumentOperations.get, { id: document.id }, org.caller)).toEqual(document);

    const { info, bytes: downloaded } = await download(stack, org.caller, document.id);
    expect(info).toMatchObject({ version: 1, fileName: 'Mietvertrag WE 3.2.pdf', contentType: 'application/pdf', size: bytes.length });
    expect(downloaded.equals(bytes)).toBe(true);
    const [onDisk] = await storedFiles(org.id);
    expect((await readFile(join(storageDir, org.id, document.id, onDisk))).equals(bytes)).toBe(true);

    const uploaded = await waitFor(
      async () => published.events.find((event) => (event.payload as { documentId: string }).documentId === document.id),
      (event) => event !== undefined,
    );
    expect(uploaded).toMatchObject({
      type: 'portfolio.document.uploaded',
      organizationId: org.id,
      payload: { version: 1, size: bytes.length, sha256: sha256(bytes), unitId: unit.id, category: 'lease_contract' },
    });
    expect(plan.seen.filter((check) => check.organizationId === org.id && check.resource !== 'properties').map(({ resource, currentUsage, adding }) => ({ resource, currentUsage, adding }))).toEqual([
      { resource: 'documents', currentUsage: 0, adding: 1 },
      { resource: 'storage', currentUsage: 0, adding: bytes.length },
    ]);
  });

  it('adds versions numbered 2, 3, lists them newest first and downloads any of them', async () => {
    const org = organization(stack);
    const v1 = pdfOf(10_000);
    const document = await uploadDocument(stack, org.caller, v1, { fileName: 'grundriss.pdf', category: 'floor_plan' });
    const v2 = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pdfOf(5_000)]);
    const second = await addVersion(stack, org.caller, document.id, v2, 'grundriss.png', 'Als Bild');
    expect(second.currentVersion).toMatchObject({ number: 2, contentType: 'image/png', comment: 'Als Bild', sha256: sha256(v2) });
    expect(second.versionCount).toBe(2);
    const v3 = pdfOf(700_000);
    const third = await addVersion(stack, org.caller, document.id, v3, 'grundriss-final.pdf');
    expect(third.currentVersion).toMatchObject({ number: 3, comment: null, size: v3.length });

    const versions = await call(DocumentOperations.versionsList, { id: document.id }, org.caller);
    expect(versions.items.map((version) => version.number)).toEqual([3, 2, 1]);
    expect(versions.total).toBe(3);
    expect((await download(stack, org.caller, document.id)).bytes.equals(v3)).toBe(true);
    expect((await download(stack, org.caller, document.id, 1)).bytes.equals(v1)).toBe(true);
    const { info, bytes } = await download(stack, org.caller, document.id, 2);
    expect(info).toMatchObject({ fileName: 'grundriss.png', contentType: 'image/png' });
    expect(bytes.equals(v2)).toBe(true);
    expect((await rpcFailure(stack, PortfolioSubjects.documentsDownload, { id: document.id, version: 4 }, org.caller)).status).toBe(404);

    const added = await waitFor(
      async () => published.events.filter((event) => event.type === 'portfolio.document.version-added' && event.organizationId === org.id),
      (events) => events.length === 2,
    );
    expect(added.map((event) => event.payload)).toEqual(
      expect.arrayContaining([expect.objectContaining({ documentId: document.id, version: 2, comment: 'Als Bild', contentType: 'image/png' })]),
    );
  });

  it('refuses files whose bytes are not an accepted type (415), empty files (422) and files over the size limit (413)', async () => {
    const org = organization(stack);
    const exe = Buffer.concat([Buffer.from('MZ'), pdfOf(1000).subarray(2)]);
    const renamed = await stageFile(stack, org.caller, exe);
    const unsupported = await rpcFailure(stack, PortfolioSubjects.documentsCreate, { uploadId: renamed, fileName: 'rechnung.pdf' }, org.caller);
    expect(unsupported.body).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    const svg = await stageFile(stack, org.caller, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'));
    expect((await rpcFailure(stack, PortfolioSubjects.documentsCreate, { uploadId: svg, fileName: 'logo.svg' }, org.caller)).status).toBe(415);

    const empty = await call(DocumentOperations.uploadStart, {}, org.caller);
    const emptyError = await rpcFailure(stack, PortfolioSubjects.documentsCreate, { uploadId: empty.uploadId, fileName: 'leer.txt' }, org.caller);
    expect(emptyError.body).toMatchObject({ status: 422, errors: [{ field: 'file' }] });

    const invalid = await rpcFailure(stack, PortfolioSubjects.documentsCreate, { uploadId: 'not-a-uuid', fileName: '' }, org.caller);
    expect(invalid.body.errors?.map((error) => error.field).sort()).toEqual(['fileName', 'uploadId']);
    const started = await call(DocumentOperations.uploadStart, {}, org.caller);
    expect(started.maxBytes).toBe(MAX_BYTES);
    const chunk = pdfOf(started.chunkBytes).toString('base64');
    for (let index = 0; index < MAX_BYTES / started.chunkBytes; index += 1) {
      await call(DocumentOperations.uploadChunk, { uploadId: started.uploadId, index, data: chunk }, org.caller);
    }
    const over = await rpcFailure(stack, PortfolioSubjects.documentsUploadChunk, { uploadId: started.uploadId, index: 4, data: 'AA==' }, org.caller);
    expect(over.body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', details: { maxBytes: MAX_BYTES } });
    const repeated = await rpcFailure(stack, PortfolioSubjects.documentsUploadChunk, { uploadId: started.uploadId, index: 1, data: 'AA==' }, org.caller);
    expect(repeated.body).toMatchObject({ status: 409, code: 'UPLOAD_CHUNK_OUT_OF_ORDER' });

    const list = await call(DocumentOperations.list, {}, org.caller);
    expect(list.total).toBe(0);
  });

  it("enforces the plan's storage limit with 402 and reports usage", async () => {
    const org = organization(stack);
    await uploadDocument(stack, org.caller, pdfOf(2_000_000));
    const uploadId = await stageFile(stack, org.caller, pdfOf(1_500_000));
    const error = await rpcFailure(stack, PortfolioSubjects.documentsCreate, { uploadId, fileName: 'gross.pdf' }, org.caller);
    expect(error.body).toMatchObject({ status: 402, code: 'PLAN_LIMIT_REACHED' });
    expect(await call(DocumentOperations.usage, {}, org.caller)).toEqual({ documents: 1, storageBytes: 2_000_000 });
    // The same figures feed GET /organization/limits.
    expect(await call(UsageOperations.get, {}, org.caller)).toMatchObject({ documents: 1, storageBytes: 2_000_000 });
    expect(await storedFiles(org.id)).toHaveLength(1);
  });

  it("refuses a document over the plan's document count with 402 and keeps no file of it", async () => {
    const org = organization(stack);
    planOverrides.set(org.id, { documents: 1 });
    await uploadDocument(stack, org.caller, pdfOf(100));
    const uploadId = await stageFile(stack, org.caller, pdfOf(100));
    expect((await rpcFailure(stack, PortfolioSubjects.documentsCreate, { uploadId, fileName: 'zweites.pdf' }, org.caller)).body).toMatchObject({
      status: 402,
      code: 'PLAN_LIMIT_REACHED',
    });
    expect(await storedFiles(org.id)).toHaveLength(1);
  });

  it('uses a staged upload once: of two documents created from it at the same time, one is 404 and leaves no file', async () => {
    const org = organization(stack);
    const uploadId = await stageFile(stack, org.caller, pdfOf(1000));
    const outcomes = await Promise.allSettled(
      ['a.pdf', 'b.pdf'].map((fileName) => call(DocumentOperations.create, { uploadId, fileName }, org.caller)),
    );
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect((failure?.reason as { status: number }).status).toBe(404);
    expect(await storedFiles(org.id)).toHaveLength(1);
    expect((await call(DocumentOperations.list, {}, org.caller)).total).toBe(1);
  });

  it('numbers versions uploaded at the same time without gaps or duplicates', async () => {
    const org = organization(stack);
    const document = await uploadDocument(stack, org.caller, pdfOf(1000));
    const uploads = await Promise.all([1, 2, 3, 4].map(() => stageFile(stack, org.caller, pdfOf(20_000))));
    const results = await Promise.all(
      uploads.map((uploadId, index) => call(DocumentOperations.versionsAdd, { id: document.id, uploadId, fileName: `v${index}.pdf` }, org.caller)),
    );
    expect(results.map((result) => result.currentVersion.number).sort()).toEqual([2, 3, 4, 5]);
    const versions = await call(DocumentOperations.versionsList, { id: document.id }, org.caller);
    expect(versions.items.map((version) => version.number)).toEqual([5, 4, 3, 2, 1]);
    expect((await call(DocumentOperations.get, { id: document.id }, org.caller)).versionCount).toBe(5);
  });

  it('drops staged uploads nobody finished within DOCUMENT_UPLOAD_TTL_MINUTES', async () => {
    const org = organization(stack);
    const abandoned = await stageFile(stack, org.caller, pdfOf(1000));
    const database = new Client({ connectionString: stack.database.url });
    await database.connect();
    try {
      await database.query("UPDATE portfolio.document_uploads SET created_at = now() - interval '61 minutes' WHERE id = $1", [abandoned]);
      await stageFile(stack, org.caller, pdfOf(10));
      expect((await database.query('SELECT count(*)::int AS n FROM portfolio.document_upload_chunks WHERE upload_id = $1', [abandoned])).rows[0].n).toBe(0);
    } finally {
      await database.end();
    }
    expect((await rpcFailure(stack, PortfolioSubjects.documentsCreate, { uploadId: abandoned, fileName: 'a.pdf' }, org.caller)).status).toBe(404);
  });

  it('lists with filters (category, property, unit, folder, tag, q over title and tags), paging and sorting', async () => {
    const org = organization(stack);
    const property = await org.property();
    const other = await org.property({ name: 'Zweites Haus' });
    const building = await org.building(property.id);
    const unit = await org.unit(building.id);
    const folder = await call(FolderOperations.create, { name: 'Rechnungen' }, org.caller);
    const lease = await uploadDocument(stack, org.caller, pdfOf(100), { title: 'Mietvertrag Müller', category: 'lease_contract', unitId: unit.id });
    const invoice = await uploadDocument(stack, org.caller, pdfOf(300), { title: 'Heizung Wartung', category: 'invoice', tags: ['Heizung 2025'], propertyId: property.id, folderId: folder.id });
    const certificate = await uploadDocument(stack, org.caller, pdfOf(200), { title: 'Energieausweis', category: 'energy_certificate', propertyId: other.id, tags: ['100%_sicher'] });

    const ids = async (query: Record<string, unknown>) => (await call(DocumentOperations.list, query, org.caller)).items.map((item) => item.id);
    expect(await ids({ category: 'invoice' })).toEqual([invoice.id]);
    expect((await ids({ propertyId: property.id })).sort()).toEqual([lease.id, invoice.id].sort());
    expect(await ids({ unitId: unit.id })).toEqual([lease.id]);
    expect(await ids({ folderId: folder.id })).toEqual([invoice.id]);
    expect(await ids({ q: 'heizung' })).toEqual([invoice.id]);
    expect(await ids({ q: 'müller' })).toEqual([lease.id]);
    expect(await ids({ q: '100%' })).toEqual([certificate.id]);
    expect(await ids({ q: '0%_' })).toEqual([certificate.id]);
    expect(await ids({ tag: 'HEIZUNG 2025' })).toEqual([invoice.id]);
    expect(await ids({ sort: 'title' })).toEqual([certificate.id, invoice.id, lease.id]);
    expect(await ids({ sort: '-size' })).toEqual([invoice.id, certificate.id, lease.id]);
    const page = await call(DocumentOperations.list, { size: 2, page: 2, sort: 'title' }, org.caller);
    expect(page).toMatchObject({ total: 3, page: 2, size: 2, pages: 2 });
    expect(page.items.map((item) => item.id)).toEqual([lease.id]);
    expect((await rpcFailure(stack, PortfolioSubjects.documentsList, { sort: 'storageKey' }, org.caller)).status).toBe(422);
  });

  it('checks links: another organization\'s property or folder is 404, a unit of another building 422', async () => {
    const org = organization(stack);
    const stranger = organization(stack);
    const foreignProperty = await stranger.property();
    const foreignFolder = await call(FolderOperations.create, { name: 'Fremd' }, stranger.caller);
    const uploadId = await stageFile(stack, org.caller, pdfOf(100));
    const linkTo = (fields: Record<string, unknown>) => rpcFailure(stack, PortfolioSubjects.documentsCreate, { uploadId, fileName: 'a.pdf', ...fields }, org.caller);
    expect((await linkTo({ propertyId: foreignProperty.id })).status).toBe(404);
    expect((await linkTo({ folderId: foreignFolder.id })).status).toBe(404);
    const property = await org.property();
    const unit = await org.unit((await org.building(property.id)).id);
    const otherBuilding = await org.building(property.id, { name: 'Hinterhaus' });
    expect((await linkTo({ unitId: unit.id, buildingId: otherBuilding.id })).body).toMatchObject({ status: 422, errors: [{ field: 'buildingId' }] });

    const document = await call(DocumentOperations.create, { uploadId, fileName: 'a.pdf', unitId: unit.id }, org.caller);
    const moved = await call(DocumentOperations.update, { id: document.id, buildingId: otherBuilding.id, tags: ['neu'], title: 'Umbenannt' }, org.caller);
    expect(moved).toMatchObject({ propertyId: property.id, buildingId: otherBuilding.id, unitId: null, tags: ['neu'], title: 'Umbenannt' });
    const updated = await waitFor(
      async () => published.events.find((event) => event.type === 'portfolio.document.updated' && event.organizationId === org.id),
      (event) => event !== undefined,
    );
    expect(updated?.payload).toMatchObject({ documentId: document.id, title: 'Umbenannt', buildingId: otherBuilding.id, unitId: null, tags: ['neu'] });
    expect((await rpcFailure(stack, PortfolioSubjects.documentsUpdate, { id: document.id, title: null }, org.caller)).status).toBe(422);

    // A deleted unit does not lock its documents: they can still be renamed and re-linked.
    const gone = await org.unit(otherBuilding.id);
    const protocol = await uploadDocument(stack, org.caller, pdfOf(100), { unitId: gone.id, category: 'handover_protocol' });
    await call(UnitOperations.delete, { id: gone.id }, org.caller);
    expect((await call(DocumentOperations.update, { id: protocol.id, title: 'Übergabe' }, org.caller)).title).toBe('Übergabe');
    expect((await rpcFailure(stack, PortfolioSubjects.documentsUpdate, { id: protocol.id, unitId: gone.id }, org.caller)).status).toBe(404);
    // `null` clears a link: past the typed client, whose DTO types have no null.
    const relinked = await stack.rpc.request<DocumentResponse>(PortfolioSubjects.documentsUpdate, { id: protocol.id, unitId: null, buildingId: otherBuilding.id }, org.caller);
    expect(relinked).toMatchObject({ propertyId: property.id, buildingId: otherBuilding.id, unitId: null });
  });

  it("answers another organization's documents and uploads with 404 everywhere and changes nothing", async () => {
    const owner = organization(stack);
    const stranger = organization(stack);
    const bytes = pdfOf(1000);
    const document = await uploadDocument(stack, owner.caller, bytes);
    const id = document.id;
    for (const [subject, data] of [
      [PortfolioSubjects.documentsGet, { id }],
      [PortfolioSubjects.documentsVersionsList, { id }],
      [PortfolioSubjects.documentsDownload, { id }],
      [PortfolioSubjects.documentsDownloadChunk, { id, version: 1, offset: 0 }],
      [PortfolioSubjects.documentsUpdate, { id, title: 'Mine now' }],
      [PortfolioSubjects.documentsDelete, { id }],
    ] as const) {
      expect({ subject, status: (await rpcFailure(stack, subject, data, stranger.caller)).status }).toEqual({ subject, status: 404 });
    }
    const version = await rpcFailure(stack, PortfolioSubjects.documentsVersionsAdd, { id, uploadId: await stageFile(stack, stranger.caller, bytes), fileName: 'x.pdf' }, stranger.caller);
    expect(version.status).toBe(404);
    const ownerUpload = await stageFile(stack, owner.caller, bytes);
    expect((await rpcFailure(stack, PortfolioSubjects.documentsCreate, { uploadId: ownerUpload, fileName: 'x.pdf' }, stranger.caller)).status).toBe(404);
    expect((await rpcFailure(stack, PortfolioSubjects.documentsUploadChunk, { uploadId: ownerUpload, index: 1, data: 'AA==' }, stranger.caller)).status).toBe(404);
    expect((await call(DocumentOperations.list, {}, stranger.caller)).total).toBe(0);
    expect(await call(DocumentOperations.get, { id }, owner.caller)).toEqual(document);
    expect((await download(stack, owner.caller, id)).bytes.equals(bytes)).toBe(true);
  });

  it('deletes a document with every version and its stored files, and announces it', async () => {
    const org = organization(stack);
    const document = await uploadDocument(stack, org.caller, pdfOf(2000));
    await addVersion(stack, org.caller, document.id, pdfOf(3000), 'v2.pdf');
    expect(await storedFiles(org.id)).toHaveLength(2);
    await call(DocumentOperations.delete, { id: document.id }, org.caller);
    expect(await storedFiles(org.id)).toHaveLength(0);
    expect((await rpcFailure(stack, PortfolioSubjects.documentsGet, { id: document.id }, org.caller)).status).toBe(404);
    expect((await rpcFailure(stack, PortfolioSubjects.documentsDownloadChunk, { id: document.id, version: 1, offset: 0 }, org.caller)).status).toBe(404);
    expect(await call(DocumentOperations.usage, {}, org.caller)).toEqual({ documents: 0, storageBytes: 0 });
    const deleted = await waitFor(
      async () => published.events.find((event) => event.type === 'portfolio.document.deleted' && event.organizationId === org.id),
      (event) => event !== undefined,
    );
    expect(deleted?.payload).toEqual({ documentId: document.id, title: 'mietvertrag', versions: 2, size: 5000 });
  });

  it('keeps folders as a tree: unique names among siblings (409), no cycles (422), only empty folders deleted (409)', async () => {
    const org = organization(stack);
    const create = (name: string, parentId?: string) => call(FolderOperations.create, { name, parentId }, org.caller);
    const contracts = await create('Verträge');
    const house = await create('Haus 2', contracts.id);
    const flat = await create('WE 1', house.id);
    await create('Haus 10', contracts.id);
    expect((await rpcFailure(stack, PortfolioSubjects.foldersCreate, { name: '  verträge ' }, org.caller)).body).toMatchObject({ status: 409, code: 'FOLDER_NAME_TAKEN' });
    expect((await create('Verträge', house.id)).parentId).toBe(house.id);
    expect((await rpcFailure(stack, PortfolioSubjects.foldersCreate, { name: 'a/b' }, org.caller)).status).toBe(422);
    expect((await rpcFailure(stack, PortfolioSubjects.foldersCreate, { name: 'X', parentId: randomUUID() }, org.caller)).status).toBe(404);

    const cycle = await rpcFailure(stack, PortfolioSubjects.foldersUpdate, { id: contracts.id, parentId: flat.id }, org.caller);
    expect(cycle.body).toMatchObject({ status: 422, errors: [{ field: 'parentId' }] });
    // `null` moves to the root: past the typed client, whose DTO types have no null.
    const renamed = await stack.rpc.request<FolderResponse>(PortfolioSubjects.foldersUpdate, { id: flat.id, name: 'Wohnung 1', parentId: null }, org.caller);
    expect(renamed).toMatchObject({ name: 'Wohnung 1', parentId: null });
    expect((await rpcFailure(stack, PortfolioSubjects.foldersUpdate, { id: flat.id, name: 'verträge' }, org.caller)).status).toBe(409);

    await uploadDocument(stack, org.caller, pdfOf(100), { folderId: house.id });
    const tree = await call(FolderOperations.tree, {}, org.caller);
    expect(tree.items.map((node) => node.name)).toEqual(['Verträge', 'Wohnung 1']);
    expect(tree.items[0].children.map((node) => [node.name, node.documentCount])).toEqual([['Haus 2', 1], ['Haus 10', 0]]);
    expect(tree.items[0].children[0].children.map((node) => node.name)).toEqual(['Verträge']);
    const nested = await uploadDocument(stack, org.caller, pdfOf(100), { folderId: tree.items[0].children[0].children[0].id });
    const below = await call(DocumentOperations.list, { folderId: contracts.id, includeSubfolders: true }, org.caller);
    expect(below.items.map((item) => item.folderId).sort()).toEqual([house.id, nested.folderId].sort());
    expect((await call(DocumentOperations.list, { folderId: contracts.id }, org.caller)).total).toBe(0);

    expect((await rpcFailure(stack, PortfolioSubjects.foldersDelete, { id: house.id }, org.caller)).body).toMatchObject({
      status: 409,
      code: 'FOLDER_NOT_EMPTY',
      details: { folders: 1, documents: 1 },
    });
    expect((await rpcFailure(stack, PortfolioSubjects.foldersDelete, { id: contracts.id }, org.caller)).status).toBe(409);
    await call(FolderOperations.delete, { id: flat.id }, org.caller);
    expect((await rpcFailure(stack, PortfolioSubjects.foldersGet, { id: flat.id }, org.caller)).status).toBe(404);

    const stranger = organization(stack);
    expect((await call(FolderOperations.tree, {}, stranger.caller)).items).toEqual([]);
    for (const [subject, data] of [
      [PortfolioSubjects.foldersGet, { id: house.id }],
      [PortfolioSubjects.foldersUpdate, { id: house.id, name: 'Meins' }],
      [PortfolioSubjects.foldersDelete, { id: contracts.id }],
      [PortfolioSubjects.foldersCreate, { name: 'Unter fremdem', parentId: house.id }],
    ] as const) {
      expect((await rpcFailure(stack, subject, data, stranger.caller)).status).toBe(404);
    }
  });
});
