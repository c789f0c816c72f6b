import { createHash } from 'node:crypto';
import { DocumentOperations, PortfolioSubjects } from '@quartier/contracts-portfolio';
import { TestStack, startTestStack } from '@quartier/testing';
import { portfolioService } from '../src/portfolio.service-app';
import { FakeS3, startFakeS3 } from './documents-fake-s3';
import { addVersion, download, pdfOf, startPlanLimits, uploadDocument } from './documents-support';
import { organization, rpcFailure, send } from './support';

const BUCKET = 'quartier-documents';
const ACCESS_KEY_ID = 'minio-test-key';

describe('portfolio documents stored in an S3-compatible bucket (official client against a local S3 wire-format server)', () => {
  let stack: TestStack;
  let s3: FakeS3;
  let plan: ReturnType<typeof startPlanLimits>;

  beforeAll(async () => {
    s3 = await startFakeS3({ bucket: BUCKET, accessKeyId: ACCESS_KEY_ID });
    stack = await startTestStack([], {
      DOCUMENT_STORAGE: 's3',
      DOCUMENT_S3_ENDPOINT: s3.url,
      DOCUMENT_S3_BUCKET: BUCKET,
      DOCUMENT_S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
      DOCUMENT_S3_SECRET_ACCESS_KEY: 'minio-test-secret',
      DOCUMENT_S3_REGION: 'eu-central-1',
    });
    plan = startPlanLimits(stack.nats, stack.prefix, { documents: null, storage: null, properties: null });
    await stack.start(portfolioService);
  });
  afterAll(async () => {
    plan.stop();
    await stack.teardown();
    await s3.close();
  });

  it('puts every version as an object, reads it back in ranges, and deletes them all with the document', async () => {
    const org = organization(stack);
    const first = pdfOf(1_400_000);
    const document = await uploadDocument(stack, org.caller, first, { fileName: 'Energieausweis.pdf', category: 'energy_certificate' });
    const puts = s3.calls.filter((call) => call.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({ bucket: BUCKET });
    expect(puts[0].key).toMatch(new RegExp(`^${org.id}/${document.id}/[0-9a-f-]{36}$`));
    expect(s3.objects.get(`${BUCKET}/${puts[0].key}`)?.equals(first)).toBe(true);
    expect(document.currentVersion.sha256).toBe(createHash('sha256').update(first).digest('hex'));

    const { bytes } = await download(stack, org.caller, document.id);
    expect(bytes.equals(first)).toBe(true);
    // 1.4 MB in chunks of 512 KiB: three ranged GETs.
    expect(s3.calls.filter((call) => call.method === 'GET').map((call) => call.range)).toEqual([
      'bytes=0-524287',
      'bytes=524288-1048575',
      'bytes=1048576-1399999',
    ]);

    const second = Buffer.from('Wohnung;Fläche\nWE 1;72,5\n', 'latin1');
    const updated = await addVersion(stack, org.caller, document.id, second, 'flaechen.csv', 'Flächenliste');
    expect(updated.currentVersion).toMatchObject({ number: 2, contentType: 'text/csv', size: second.length });
    expect((await download(stack, org.caller, document.id)).bytes.equals(second)).toBe(true);
    expect((await download(stack, org.caller, document.id, 1)).bytes.equals(first)).toBe(true);
    expect(s3.objects.size).toBe(2);

    await send(stack, DocumentOperations.delete, { id: document.id }, org.caller);
    expect(s3.calls.filter((call) => call.method === 'DELETE')).toHaveLength(2);
    expect(s3.objects.size).toBe(0);
    expect((await rpcFailure(stack, PortfolioSubjects.documentsGet, { id: document.id }, org.caller)).status).toBe(404);
  });

  it('keeps no metadata and leaks no storage detail when the bucket is unreachable', async () => {
    const org = organization(stack);
    const before = s3.calls.length;
    await s3.close();
    const error = await rpcFailure(stack, PortfolioSubjects.documentsCreate, { uploadId: await stageFor(org.caller), fileName: 'a.pdf' }, org.caller);
    expect(error.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(JSON.stringify(error.body)).not.toMatch(/127\.0\.0\.1|minio|bucket/i);
    expect(s3.calls.length).toBe(before);
    expect((await send(stack, DocumentOperations.list, {}, org.caller)).total).toBe(0);
  });

  async function stageFor(caller: ReturnType<typeof organization>['caller']): Promise<string> {
    const { uploadId } = await send(stack, DocumentOperations.uploadStart, {}, caller);
    await send(stack, DocumentOperations.uploadChunk, { uploadId, index: 0, data: pdfOf(100).toString('base64') }, caller);
    return uploadId;
  }
});
