import { JSONCodec, NatsConnection } from 'nats';
import { randomBytes } from 'node:crypto';
import { CheckLimitDto, IdentitySubjects, LimitedResource } from '@quartier/contracts-identity';
import { CreateDocumentMessageDto, DocumentOperations, DocumentResponse, DownloadInfoResponse } from '@quartier/contracts-portfolio';
import { DomainEvent, OrgCaller, RpcErrorBody } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { TestStack, standInCallerOf } from '@quartier/testing';

/** A PDF of `size` bytes: the magic number, then random bytes (so chunk boundaries cannot hide a mix-up). */
export function pdfOf(size: number): Buffer {
  const bytes = randomBytes(size);
  Buffer.from('%PDF-1.7\n').copy(bytes);
  return bytes;
}

/** Sends a file the way the gateway does: a staged upload, then its chunks in order. */
export async function stageFile(stack: TestStack, caller: OrgCaller, bytes: Buffer): Promise<string> {
  const { uploadId, chunkBytes } = await new OperationClient(stack.rpc).send(DocumentOperations.uploadStart, {}, caller);
  for (let index = 0; index * chunkBytes < bytes.length; index += 1) {
    const data = bytes.subarray(index * chunkBytes, (index + 1) * chunkBytes).toString('base64');
    await new OperationClient(stack.rpc).send(DocumentOperations.uploadChunk, { uploadId, index, data }, caller);
  }
  return uploadId;
}

export async function uploadDocument(
  stack: TestStack,
  caller: OrgCaller,
  bytes: Buffer,
  fields: Partial<Omit<CreateDocumentMessageDto, 'uploadId'>> = {},
): Promise<DocumentResponse> {
  const uploadId = await stageFile(stack, caller, bytes);
  return new OperationClient(stack.rpc).send(DocumentOperations.create, { fileName: 'mietvertrag.pdf', ...fields, uploadId }, caller);
}

export async function addVersion(stack: TestStack, caller: OrgCaller, id: string, bytes: Buffer, fileName: string, comment?: string): Promise<DocumentResponse> {
  const uploadId = await stageFile(stack, caller, bytes);
  return new OperationClient(stack.rpc).send(DocumentOperations.versionsAdd, { id, uploadId, fileName, comment }, caller);
}

/** Reads a version back chunk by chunk, as the gateway streams it. */
export async function download(stack: TestStack, caller: OrgCaller, id: string, version?: number): Promise<{ info: DownloadInfoResponse; bytes: Buffer }> {
  const info = await new OperationClient(stack.rpc).send(DocumentOperations.download, { id, version }, caller);
  const parts: Buffer[] = [];
  for (let offset = 0; offset < info.size; offset += info.chunkBytes) {
    const chunk = await new OperationClient(stack.rpc).send(DocumentOperations.downloadChunk, { id, version: info.version, offset }, caller);
    parts.push(Buffer.from(chunk.data, 'base64'));
  }
  return { info, bytes: Buffer.concat(parts) };
}

/**
 * Stands in for identity's `limits.check` with the given limits per resource (null = unlimited),
 * answering 402 PLAN_LIMIT_REACHED beyond them in Nest's NATS wire format.
 */
export function startPlanLimits(
  nats: NatsConnection,
  prefix: string,
  limits: Partial<Record<LimitedResource, number | null>>,
  /** Limits of single organizations that differ from `limits`. */
  overrides: Map<string, Partial<Record<LimitedResource, number | null>>> = new Map(),
) {
  const codec = JSONCodec<{ id: string; data: CheckLimitDto }>();
  const seen: (CheckLimitDto & { organizationId?: string })[] = [];
  const subscription = nats.subscribe(`${prefix}.${IdentitySubjects.limitsCheck}`, {
    callback: (_error, message) => {
      const { id, data } = codec.decode(message.data);
      const organizationId = standInCallerOf(message.headers).organizationId ?? '';
      const limit = { ...limits, ...overrides.get(organizationId) }[data.resource] ?? null;
      seen.push({ ...data, organizationId });
      const after = data.currentUsage + (data.adding ?? 1);
      const err: RpcErrorBody = { status: 402, code: 'PLAN_LIMIT_REACHED', message: `The plan allows ${limit} ${data.resource}`, details: { limit } };
      const reply =
        limit !== null && after > limit
          ? { id, err, isDisposed: true }
          : { id, response: { ok: true, resource: data.resource, limit, remaining: limit === null ? null : limit - after }, isDisposed: true };
      message.respond(JSONCodec().encode(reply));
    },
  });
  return { seen, stop: () => subscription.unsubscribe() };
}

/** Collects the document events published to JetStream (core subscribers see them too). */
export function collectDocumentEvents(nats: NatsConnection, prefix: string): { events: DomainEvent[]; stop(): void } {
  const events: DomainEvent[] = [];
  const subscription = nats.subscribe(`${prefix}.events.portfolio.document.>`, {
    callback: (_error, message) => events.push(JSONCodec<DomainEvent>().decode(message.data)),
  });
  return { events, stop: () => subscription.unsubscribe() };
}
